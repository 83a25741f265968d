"""Write a cadre's .lrmx file: UTF-8 XML with a byte-order mark, root <Person>, flat elements."""

import base64
import zipfile
from xml.etree import ElementTree

from accounts.access import id_number_for

from ..choices import Degree, PoliticalStatus, StudyMode
from ..photos import photo_bytes
from .fields import FAMILY, FAMILY_ELEMENTS, FAMILY_ITEM, yyyymm
from .jianli import jianli_text
from .texts import ROWS, appraisal_text, current_post, education_summary, reward_text

# The editor version whose file layout (LRMX.md) this writer follows.
LRMX_VERSION = "3.2.1.16"
BOM = b"\xef\xbb\xbf"
# File names inside a zip may not carry path separators or characters Windows refuses.
UNSAFE_NAME = str.maketrans({c: "_" for c in '\\/:*?"<>|'})


def lrmx_cadres(queryset):
    """Return `queryset` with everything the writer reads, fetched in a fixed number of queries."""
    return queryset.select_related("unit", "photo").prefetch_related(
        "education_records", "work_records__unit", "resume_notes", "family_members", "appraisals", "rewards"
    )


def person_values(cadre, *, as_of, filled_on, filled_by, user):
    """Return the element texts of `cadre`'s form, keyed by element name, in the editor's order.

    `as_of` is the date the printed age refers to (JiSuanNianLingShiJian), `filled_on` the
    fill-in date; the 公民身份号码 is written as `user` may see it (masked otherwise), in full for
    `user=None`, the server's own operator at the command line.
    """
    education = list(cadre.education_records.all())
    full_time, in_service = (education_summary(education, modes) for modes in ROWS)
    if not full_time["education"] and not in_service["education"]:
        # No record says it: the cadre's highest 学历 and 学位, in the row of its mode, as written.
        row = full_time if cadre.education_mode == StudyMode.FULL_TIME else in_service
        row["education"] = cadre.education_written or cadre.education
        row["degree"] = "" if cadre.degree == Degree.NONE else cadre.degree_written or cadre.degree
    values = {
        "XingMing": cadre.name,
        "XingBie": cadre.gender,
        "ChuShengNianYue": yyyymm(cadre.birth_date),
        "MinZu": cadre.ethnicity,
        "JiGuan": cadre.native_place,
        "ChuShengDi": cadre.birthplace,
        "RuDangShiJian": party_joined(cadre),
        "CanJiaGongZuoShiJian": yyyymm(cadre.first_work_date),
        "JianKangZhuangKuang": cadre.health,
        "ZhuanYeJiShuZhiWu": cadre.professional_title,
        "ShuXiZhuanYeYouHeZhuanChang": cadre.specialty,
        "QuanRiZhiJiaoYu_XueLi": full_time["education"],
        "QuanRiZhiJiaoYu_XueWei": full_time["degree"],
        "QuanRiZhiJiaoYu_XueLi_BiYeYuanXiaoXi": full_time["education_school"],
        "QuanRiZhiJiaoYu_XueWei_BiYeYuanXiaoXi": full_time["degree_school"],
        "ZaiZhiJiaoYu_XueLi": in_service["education"],
        "ZaiZhiJiaoYu_XueWei": in_service["degree"],
        "ZaiZhiJiaoYu_XueLi_BiYeYuanXiaoXi": in_service["education_school"],
        "ZaiZhiJiaoYu_XueWei_BiYeYuanXiaoXi": in_service["degree_school"],
        "XianRenZhiWu": current_post(cadre),
        "NiRenZhiWu": cadre.proposed_post,
        "NiMianZhiWu": cadre.proposed_removal,
        "JianLi": jianli_text(cadre),
        "JiangChengQingKuang": reward_text(cadre.rewards.all()),
        "NianDuKaoHeJieGuo": appraisal_text(cadre.appraisals.all()),
        "RenMianLiYou": cadre.appointment_reason,
        FAMILY: [family_values(member) for member in cadre.family_members.all()],
        "ChengBaoDanWei": cadre.unit.name,
        "JiSuanNianLingShiJian": f"{as_of:%Y%m%d}",
        "TianBiaoShiJian": yyyymm(filled_on),
        "TianBiaoRen": filled_by,
        "ShenFenZheng": cadre.id_number if user is None else id_number_for(user, cadre.id_number),
        "ZhaoPian": base64.b64encode(photo_bytes(cadre)).decode("ascii"),
        "Version": LRMX_VERSION,
    }
    if cadre.retirement_month is not None:
        # Newer editors add 到龄年月 after the classic elements (LRMX.md); older ones ignore it.
        values["DaoLingNianYue"] = yyyymm(cadre.retirement_month)
    return values


def party_joined(cadre):
    """Return 入党时间: the month a 党员 joined; for a 民主党派 member, the month and the party's name
    after it (201005九三学社社员); nothing for anyone else."""
    if cadre.political_status == PoliticalStatus.DEMOCRATIC_PARTY:
        return yyyymm(cadre.party_joined_date) + (cadre.political_status_written or cadre.political_status)
    return yyyymm(cadre.party_joined_date) if cadre.political_status in PoliticalStatus.party_members() else ""


def family_values(member):
    """Return the texts of one <Item> of JiaTingChengYuan."""
    return {
        "ChengWei": member.relation,
        "XingMing": member.name,
        "ChuShengRiQi": yyyymm(member.birth_date),
        "ZhengZhiMianMao": member.political_status,
        "GongZuoDanWeiJiZhiWu": member.work_and_post,
    }


def lrmx_bytes(values):
    """Return the file for element `values` (person_values): BOM, XML declaration, indented XML."""
    person = ElementTree.Element("Person")
    for name, value in values.items():
        element = ElementTree.SubElement(person, name)
        if name == FAMILY:
            for member in value:
                item = ElementTree.SubElement(element, FAMILY_ITEM)
                for field in FAMILY_ELEMENTS:
                    ElementTree.SubElement(item, field).text = member[field]
        else:
            element.text = value
    ElementTree.indent(person)
    body = ElementTree.tostring(person, encoding="unicode", short_empty_elements=False)
    return BOM + ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def cadre_lrmx(cadre, *, as_of, filled_on, user):
    """Return the .lrmx file of `cadre` as `user` exports it."""
    filled_by = user.get_full_name() or user.get_username() if user is not None else ""
    return lrmx_bytes(person_values(cadre, as_of=as_of, filled_on=filled_on, filled_by=filled_by, user=user))


def lrmx_filename(cadre, number=None):
    """Return `姓名.lrmx`, or `序号.姓名.lrmx` inside a zip of a list."""
    name = cadre.name.translate(UNSAFE_NAME)
    return f"{number}.{name}.lrmx" if number is not None else f"{name}.lrmx"


def lrmx_files(cadres, *, as_of, filled_on, user):
    """Yield (`序号.姓名.lrmx`, content) for `cadres` in order, numbered from 1."""
    for number, cadre in enumerate(cadres, start=1):
        yield lrmx_filename(cadre, number), cadre_lrmx(cadre, as_of=as_of, filled_on=filled_on, user=user)


def write_lrmx_zip(files, target):
    """Write a zip of (name, content) pairs into the binary file `target`, one file at a time."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            archive.writestr(name, content)
