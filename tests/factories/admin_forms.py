"""POST data for the admin's cadre form and its inline formsets."""

from cadres.models import Channel

# The related names of the cadre's records, which are the admin inline prefixes.
CADRE_INLINE_PREFIXES = [
    "photo",
    "education_records",
    "work_records",
    "resume_notes",
    "secondments",
    "trainings",
    "appraisals",
    "rewards",
    "family_members",
]


def empty_inlines(prefixes=CADRE_INLINE_PREFIXES):
    """Return the management-form data of inline formsets with no rows."""
    data = {}
    for prefix in prefixes:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


def inline_data(response):
    """Return the POST data of every inline formset in an admin form response, as it was opened."""
    data = {}
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        for name in formset.management_form.fields:
            data[f"{formset.prefix}-{name}"] = formset.management_form[name].value()
        for form in formset.forms:
            for name in form.fields:
                value = form[name].value()
                data[form.add_prefix(name)] = "" if value is None else getattr(value, "pk", value)
    return data


def cadre_add_data(unit, **fields):
    """Return POST data of a complete, valid cadre add form in `unit`; `fields` override or blank some of it."""
    data = {
        "name": "新干部",
        "id_number": "",
        "gender": "男",
        "birth_date": "1990-01-01",
        "ethnicity": "汉族",
        "political_status": "中共党员",
        "education": "大学本科",
        "education_mode": "全日制",
        "degree": "学士",
        "unit": unit.pk,
        "post": "科员",
        "rank": "一级科员",
        "channel": Channel.objects.get(code="xuandiao").pk,
        "entry_date": "2015-08-01",
        "first_work_date": "",
        "status": "在职",
        "leave_date": "",
        "leave_reason": "",
        "notes": "",
        "_save": "保存",
        **empty_inlines(),
    }
    data.update(fields)
    return data
