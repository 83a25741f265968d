"""照片 (ZhaoPian): written as base64, read back checked like an upload, placed on the printed form."""

import base64
import io
import zipfile

import pytest
from defusedxml.ElementTree import fromstring
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import ExifTags, Image

from audit.models import AuditEvent
from cadres.audit_actions import CadreAction
from cadres.importing.problems import ImportRefused
from cadres.lrmx.importer import PHOTO_UPDATE, lrmx_import_apply, lrmx_import_plan
from cadres.lrmx.writer import cadre_lrmx, lrmx_cadres
from cadres.models import Cadre, CadrePhoto
from cadres.photos import PHOTO_NOT_BASE64, PHOTO_NOT_IMAGE
from reports.appointment_form import appointment_form
from tests.factories import image_bytes, make_full_cadre, make_photo, make_user

from .helpers import AS_OF, FILLED_ON, elements
from .test_form import sheet_of

pytestmark = pytest.mark.django_db

EMU_PER_PIXEL = 9525


def file_of(cadre):
    return cadre_lrmx(lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get(), as_of=AS_OF, filled_on=FILLED_ON, user=None)


def with_photo_text(content, text):
    """Return the file `content` with ZhaoPian holding `text`."""
    start, end = content.index(b"<ZhaoPian>") + len(b"<ZhaoPian>"), content.index(b"</ZhaoPian>")
    return content[:start] + text.encode("ascii") + content[end:]


def with_photo(content, data):
    return with_photo_text(content, base64.b64encode(data).decode("ascii"))


def plan_of(content):
    return lrmx_import_plan(filename="a.lrmx", content=content, user=None)


def stored(cadre):
    photo = CadrePhoto.objects.filter(cadre=cadre).first()
    return bytes(photo.jpeg) if photo else None


# --- writing ----------------------------------------------------------------------------------------


def test_photo_is_written_as_base64():
    cadre = make_full_cadre()
    photo = make_photo(cadre)
    assert base64.b64decode(elements(file_of(cadre)).findtext("ZhaoPian")) == bytes(photo.jpeg)


def test_no_photo_writes_an_empty_element():
    assert elements(file_of(make_full_cadre())).findtext("ZhaoPian") == ""


# --- reading ----------------------------------------------------------------------------------------


def test_new_photo_shows_in_the_diff_and_is_stored():
    cadre = make_full_cadre()
    data = image_bytes(size=(300, 400))
    plan = plan_of(with_photo(file_of(cadre), data))
    assert [(c.label, c.old, c.new) for c in plan.people[0].changes] == [("照片", "（空）", PHOTO_UPDATE)]
    lrmx_import_apply(plan=plan, user=None)
    assert stored(cadre) == data


def test_different_photo_replaces_the_stored_one():
    cadre = make_full_cadre()
    make_photo(cadre, color=(0, 0, 255))
    data = image_bytes(color=(0, 255, 0))
    plan = plan_of(with_photo(file_of(cadre), data))
    assert [(c.label, c.old, c.new) for c in plan.people[0].changes] == [("照片", "已有照片", PHOTO_UPDATE)]
    lrmx_import_apply(plan=plan, user=None)
    assert stored(cadre) == data


def test_same_photo_is_no_change():
    cadre = make_full_cadre()
    make_photo(cadre)
    assert plan_of(file_of(cadre)).people[0].changes == []


def test_empty_photo_element_leaves_the_stored_photo():
    cadre = make_full_cadre()
    photo = make_photo(cadre)
    plan = plan_of(with_photo_text(file_of(cadre), ""))
    assert plan.people[0].changes == []
    lrmx_import_apply(plan=plan, user=None)
    assert stored(cadre) == bytes(photo.jpeg)


def test_absent_photo_element_leaves_the_stored_photo():
    cadre = make_full_cadre()
    photo = make_photo(cadre)
    content = file_of(cadre)
    start, end = content.index(b"<ZhaoPian>"), content.index(b"</ZhaoPian>") + len(b"</ZhaoPian>")
    plan = plan_of(content[:start] + content[end:])
    lrmx_import_apply(plan=plan, user=None)
    assert stored(cadre) == bytes(photo.jpeg)


def test_photo_from_a_file_is_made_small_and_bare():
    cadre = make_full_cadre()
    exif = Image.Exif()
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitudeRef] = "N"
    lrmx_import_apply(plan=plan_of(with_photo(file_of(cadre), image_bytes(size=(900, 1200), exif=exif))), user=None)
    image = Image.open(io.BytesIO(stored(cadre)))
    assert image.size == (450, 600)
    assert dict(image.getexif()) == {}


def zip_of(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("text", "message"),
    [("不是base64", PHOTO_NOT_BASE64), (base64.b64encode(b"GIF89a-not-a-photo").decode(), PHOTO_NOT_IMAGE)],
    ids=["not-base64", "not-an-image"],
)
def test_bad_photo_is_a_problem_of_its_file_and_nothing_is_written(text, message):
    first = make_full_cadre()
    second = make_full_cadre(name="李雷", unit=first.unit)
    good = file_of(first).replace("湖北黄石".encode(), "湖北武汉".encode())
    bad = file_of(second).replace("湖北黄石".encode(), "湖北武汉".encode())
    start, end = bad.index(b"<ZhaoPian>") + len(b"<ZhaoPian>"), bad.index(b"</ZhaoPian>")
    bad = bad[:start] + text.encode() + bad[end:]
    plan = lrmx_import_plan(filename="a.zip", content=zip_of([("1.lrmx", good), ("2.lrmx", bad)]), user=None)
    assert [(p.file, p.column, p.reason) for p in plan.problems] == [("2.lrmx", "ZhaoPian", message)]
    with pytest.raises(ImportRefused):
        lrmx_import_apply(plan=plan, user=None)
    assert set(Cadre.objects.values_list("native_place", flat=True)) == {"湖北黄石"}
    assert not CadrePhoto.objects.exists()


def test_new_cadre_gets_the_photo_of_its_file():
    cadre = make_full_cadre()
    data = image_bytes()
    content = with_photo(file_of(cadre), data)
    Cadre.objects.all().delete()
    lrmx_import_apply(plan=plan_of(content), user=None)
    assert stored(Cadre.objects.get()) == data


def test_photo_change_is_in_the_audit_event():
    cadre = make_full_cadre()
    lrmx_import_apply(plan=plan_of(with_photo(file_of(cadre), image_bytes())), user=None)
    assert AuditEvent.objects.get(action=CadreAction.LRMX_IMPORT).data["changed"] == ["照片"]


def test_import_page_says_the_photo_will_be_updated(client):
    cadre = make_full_cadre()
    client.force_login(make_user("干部科"))
    upload = SimpleUploadedFile("张三.lrmx", with_photo(file_of(cadre), image_bytes()))
    page = client.post(reverse("lrmx_import"), {"file": upload}).content.decode()
    assert '<th scope="row">照片</th>' in page
    assert PHOTO_UPDATE in page
    assert not CadrePhoto.objects.exists()


# --- the printed form -------------------------------------------------------------------------------


def form_of(cadre):
    cadre = lrmx_cadres(Cadre.objects.filter(pk=cadre.pk)).get()
    return zipfile.ZipFile(io.BytesIO(appointment_form(cadre, as_of=AS_OF, filled_on=FILLED_ON, user=None)))


def test_photo_is_placed_in_the_photo_box_of_the_printed_form():
    cadre = make_full_cadre()
    photo = make_photo(cadre, size=(450, 600))
    workbook = form_of(cadre)
    assert workbook.read("xl/media/image1.jpeg") == bytes(photo.jpeg)
    drawing = fromstring(workbook.read("xl/drawings/drawing1.xml"))
    namespace = {"xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"}
    anchor = drawing.find("xdr:oneCellAnchor", namespace)
    assert (
        anchor.findtext("xdr:from/xdr:col", namespaces=namespace),
        anchor.findtext("xdr:from/xdr:row", namespaces=namespace),
    ) == ("6", "1")
    extent = anchor.find("xdr:ext", namespace)
    width, height = int(extent.get("cx")) / EMU_PER_PIXEL, int(extent.get("cy")) / EMU_PER_PIXEL
    # Column G is 15 units wide (110 px); rows 2–5 are 40 points (213 px) together; 6 px kept free each side.
    assert (round(width), round(height)) == (98, 131)


def test_printed_form_without_a_photo_says_photo_in_the_box():
    cadre = make_full_cadre()
    assert not [name for name in form_of(cadre).namelist() if name.startswith("xl/media/")]
    assert sheet_of(cadre)["G2"].value == "照片"


def test_printed_photo_replaces_the_word_photo():
    cadre = make_full_cadre()
    make_photo(cadre)
    assert sheet_of(cadre)["G2"].value is None
