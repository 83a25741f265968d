"""The generated 简历 (cadres/resume.py): line form, order, nesting of in-service study, gaps.

The records are built unsaved: the generator is a pure function over records and must not query.
"""

import datetime

import pytest

from cadres.models import EducationRecord, WorkRecord
from cadres.resume import resume_lines, resume_text
from tests.factories import make_cadre, make_unit

D = datetime.date


def study(start, end, *, mode="全日制", school="武汉大学", major="法学", education="大学本科", degree="学士"):
    return EducationRecord(
        mode=mode, school=school, major=major, education=education, degree=degree, start_date=start, end_date=end
    )


def post(start, end, text="下陆区委组织部科员", rank=""):
    return WorkRecord(unit_name=text, post="", rank=rank, start_date=start, end_date=end)


def test_no_records_give_no_lines_and_empty_text():
    assert resume_lines(education=[], work=[]) == []
    assert resume_text(education=[], work=[]) == ""


def test_closed_line_has_both_months_and_two_spaces():
    lines = resume_lines(education=[study(D(2008, 9, 1), D(2012, 7, 1))], work=[])
    assert lines == ["2008.09--2012.07  武汉大学法学专业学习，获学士学位"]


def test_ongoing_line_ends_at_separator_padded_so_text_aligns():
    lines = resume_lines(
        education=[study(D(2008, 9, 1), D(2012, 7, 1))],
        work=[post(D(2012, 7, 15), None, "下陆区委组织部干部科科员")],
    )
    assert lines[1] == "2012.07--         下陆区委组织部干部科科员"
    assert lines[0].index("武汉") == lines[1].index("下陆")


def test_lines_are_ordered_by_start_whatever_the_input_order():
    work = [post(D(2016, 3, 1), None, "乙"), post(D(2012, 7, 1), D(2016, 3, 1), "甲")]
    lines = resume_lines(education=[study(D(2008, 9, 1), D(2012, 7, 1))], work=work)
    assert [line[18:] for line in lines] == ["武汉大学法学专业学习，获学士学位", "甲", "乙"]


def test_same_month_boundary_keeps_both_lines_with_the_shared_month():
    work = [post(D(2012, 7, 1), D(2015, 8, 10), "甲"), post(D(2015, 8, 11), None, "乙")]
    assert resume_lines(education=[], work=work) == ["2012.07--2015.08  甲", "2015.08--         乙"]


def test_study_comes_before_work_starting_in_the_same_month():
    lines = resume_lines(education=[study(D(2012, 7, 1), D(2015, 6, 30))], work=[post(D(2012, 7, 1), None, "甲")])
    assert lines[0].startswith("2012.07--2015.06  武汉大学")


def test_gap_between_records_is_left_as_it_is():
    lines = resume_lines(education=[study(D(2008, 9, 1), D(2012, 7, 1))], work=[post(D(2013, 3, 1), None, "甲")])
    assert lines == ["2008.09--2012.07  武汉大学法学专业学习，获学士学位", "2013.03--         甲"]


def test_in_service_study_is_nested_into_the_work_line_it_falls_in():
    in_service = study(
        D(2014, 9, 1), D(2017, 6, 30), mode="在职", school="中央党校", major="经济管理", education="", degree=""
    )
    work = [post(D(2012, 7, 1), D(2018, 1, 1), "甲"), post(D(2018, 1, 2), None, "乙")]
    lines = resume_lines(education=[in_service], work=work)
    assert lines == [
        "2012.07--2018.01  甲（其间：2014.09--2017.06在中央党校经济管理专业在职学习）",
        "2018.01--         乙",
    ]


def test_nested_study_names_the_degree_and_postgraduate_level():
    in_service = study(
        D(2019, 9, 1),
        D(2022, 6, 30),
        mode="在职",
        school="华中科技大学",
        major="公共管理",
        education="硕士研究生",
        degree="硕士",
    )
    lines = resume_lines(education=[in_service], work=[post(D(2012, 7, 1), None, "甲")])
    assert lines == [
        "2012.07--         甲（其间：2019.09--2022.06在华中科技大学公共管理专业硕士研究生在职学习，获硕士学位）"
    ]


def test_ongoing_in_service_study_reads_from_its_start():
    in_service = study(D(2021, 9, 1), None, mode="在职", school="中央党校", major="法律", education="", degree="")
    lines = resume_lines(education=[in_service], work=[post(D(2012, 7, 1), None, "甲")])
    assert lines == ["2012.07--         甲（其间：2021.09起在中央党校法律专业在职学习）"]


def test_two_studies_in_one_work_line_are_joined_by_semicolon():
    first = study(D(2013, 3, 1), D(2014, 1, 1), mode="在职", school="甲校", major="法律", education="", degree="")
    second = study(D(2015, 3, 1), D(2016, 1, 1), mode="在职", school="乙校", major="管理", education="", degree="")
    lines = resume_lines(education=[second, first], work=[post(D(2012, 7, 1), None, "甲")])
    assert lines[0].endswith("（其间：2013.03--2014.01在甲校法律专业在职学习；2015.03--2016.01在乙校管理专业在职学习）")


def test_in_service_study_on_the_day_one_post_ends_and_the_next_begins_goes_to_the_new_post():
    in_service = study(
        D(2015, 8, 1), D(2017, 6, 30), mode="在职", school="中央党校", major="法律", education="", degree=""
    )
    work = [post(D(2012, 7, 1), D(2015, 8, 1), "甲"), post(D(2015, 8, 1), None, "乙")]
    lines = resume_lines(education=[in_service], work=work)
    assert lines[0] == "2012.07--2015.08  甲"
    assert "其间" in lines[1]


def test_in_service_study_outside_every_post_stands_as_its_own_line():
    in_service = study(
        D(2010, 9, 1), D(2012, 6, 30), mode="在职", school="中央党校", major="法律", education="", degree=""
    )
    lines = resume_lines(education=[in_service], work=[post(D(2012, 7, 1), None, "甲")])
    assert lines[0] == "2010.09--2012.06  中央党校法律专业在职学习"


def test_full_time_postgraduate_study_says_so():
    record = study(
        D(2012, 9, 1), D(2015, 6, 30), school="华中师范大学", major="政治学", education="硕士研究生", degree="硕士"
    )
    assert resume_lines(education=[record], work=[]) == [
        "2012.09--2015.06  华中师范大学政治学专业硕士研究生学习，获硕士学位"
    ]


def test_major_already_ending_in_zhuanye_is_not_doubled():
    record = study(D(2008, 9, 1), D(2012, 7, 1), major="法学专业", degree="")
    assert resume_lines(education=[record], work=[]) == ["2008.09--2012.07  武汉大学法学专业学习"]


def test_rank_is_added_in_brackets():
    lines = resume_lines(education=[], work=[post(D(2012, 7, 1), None, "区委组织部干部科副科长", rank="四级主任科员")])
    assert lines == ["2012.07--         区委组织部干部科副科长（四级主任科员）"]


def test_text_joins_lines_with_newlines():
    work = [post(D(2012, 7, 1), D(2015, 8, 10), "甲"), post(D(2015, 8, 11), None, "乙")]
    assert resume_text(education=[], work=work) == "2012.07--2015.08  甲\n2015.08--         乙"


@pytest.mark.django_db
def test_cadre_fetched_with_records_gives_its_resume_without_a_query(django_assert_num_queries):
    unit = make_unit("下陆区委组织部")
    cadre = make_cadre(unit=unit)
    EducationRecord.objects.create(
        cadre=cadre, mode="全日制", school="武汉大学", major="法学", start_date=D(2008, 9, 1), end_date=D(2012, 7, 1)
    )
    WorkRecord.objects.create(cadre=cadre, unit=unit, post="科员", start_date=D(2012, 7, 15))
    fetched = type(cadre).objects.with_records().get(pk=cadre.pk)
    with django_assert_num_queries(0):
        lines = resume_lines(fetched)
    assert lines == ["2008.09--2012.07  武汉大学法学专业学习", "2012.07--         下陆区委组织部科员"]


def test_undated_full_time_study_makes_no_line_and_dated_lines_stay_as_they_were():
    undated = study(None, None, school="黄石理工学院", major="会计")
    dated = [study(D(2008, 9, 1), D(2012, 7, 1))]
    work = [post(D(2012, 7, 15), None, "甲")]
    assert resume_lines(education=[undated, *dated], work=work) == resume_lines(education=dated, work=work)


def test_undated_in_service_study_is_not_nested_into_any_work_line():
    undated = study(None, None, mode="在职", school="中央党校", major="法律", education="", degree="")
    assert resume_lines(education=[undated], work=[post(D(2012, 7, 1), None, "甲")]) == ["2012.07--         甲"]


def test_study_with_only_a_graduation_date_makes_no_line():
    assert resume_text(education=[study(None, D(2012, 7, 1))], work=[]) == ""
