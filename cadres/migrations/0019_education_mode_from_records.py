"""Give each cadre the mode (全日制 / 在职) of the education record its highest 学历 comes from.

The field is new (0017) and defaulted to 全日制; a cadre whose highest 学历 is that of in-service
study only would otherwise read as full-time, and its .lrmx, which prints it in the 在职教育 row,
would not import back unchanged.
"""

from django.db import migrations


def modes_from_records(apps, schema_editor):
    Cadre = apps.get_model("cadres", "Cadre")
    EducationRecord = apps.get_model("cadres", "EducationRecord")
    modes = {}
    for cadre_id, education, mode in EducationRecord.objects.values_list("cadre_id", "education", "mode"):
        modes.setdefault((cadre_id, education), set()).add(mode)
    in_service = []
    for cadre_id, education in Cadre.objects.values_list("pk", "education"):
        found = modes.get((cadre_id, education), set())
        if found and "全日制" not in found:
            in_service.append(cadre_id)
    Cadre.objects.filter(pk__in=in_service).update(education_mode="在职")


class Migration(migrations.Migration):
    dependencies = [("cadres", "0018_cadre_experience")]

    operations = [migrations.RunPython(modes_from_records, migrations.RunPython.noop)]
