"""Read .lrmx files (one, or a zip of them) safely: defusedxml, size limits, clear Chinese errors.

A zip is read one member at a time: each member is checked (its declared size, its compression
ratio) before it is inflated, so a zip of a city's tens of thousands of files is read in bounded
memory while a zip bomb is refused unread (limits in settings, LRMX_IMPORT_*).
"""

import io
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, DTDForbidden
from defusedxml.ElementTree import fromstring
from django.conf import settings

from ..importing.pending import megabytes
from ..importing.problems import ImportRefused, Problem
from .fields import FAMILY, FAMILY_ELEMENTS, FAMILY_ITEM, LABELS, OPTIONAL_ELEMENTS, PERSON_ELEMENTS

UTF8_NAME_FLAG = 0x800

NOT_XML = "不是有效的XML文件（第{line}行第{column}列附近）"
DTD_REFUSED = "文件含有文档类型定义（DTD）或实体声明，可能是实体扩展或外部实体攻击，为安全起见拒绝读取"
XML_REFUSED = "文件含有不安全的XML结构（实体或外部引用），为安全起见拒绝读取"
WRONG_ROOT = "根元素应为<Person>，实际为<{tag}>，不是任免审批表文件"
DUPLICATE = "元素重复出现"
NAME_MISSING = "缺少姓名"
NOT_ITEM = "家庭成员应为<Item>元素，实际为<{tag}>"
FILE_TOO_LARGE = "文件超过{limit}，不像是任免审批表，拒绝读取"
ZIP_TOO_LARGE = "压缩包解压后超过{limit}或多于{count}个文件，拒绝读取；请分批导入"
ZIP_BOMB = "压缩包中的这个文件解压后是压缩前的{ratio}倍，不像是任免审批表（可能是压缩炸弹），拒绝读取"
ZIP_BROKEN = "压缩包已损坏，无法读取"
ZIP_EMPTY = "压缩包中没有 .lrmx 文件"
FILE_LEVEL = "文件"


def problem(filename, element, message):
    """Return the Problem of a file at an element (文件 for the file as a whole)."""
    return Problem(None, element, message, file=filename, label=LABELS.get(element, element))


@dataclass
class LrmxFile:
    """What one .lrmx file says: element texts, family items, and the unknown elements left out."""

    filename: str
    values: dict = field(default_factory=dict)
    family: list | None = None
    ignored: list = field(default_factory=list)

    def has(self, name):
        return name in self.values

    def get(self, name):
        return self.values.get(name, "")


class Upload:
    """The .lrmx files of an upload (one file, or a zip), checked before any is read.

    Iterate it for (name, bytes), one file at a time. Raise ImportRefused for an upload that is
    refused as a whole: too large, too many files, broken, or holding no .lrmx.
    """

    def __init__(self, filename, content):
        self.filename, self.content = filename, content
        self.members = None
        if not zipfile.is_zipfile(io.BytesIO(content)):
            if len(content) > settings.LRMX_IMPORT_MAX_BYTES:
                limit = megabytes(settings.LRMX_IMPORT_MAX_BYTES)
                raise ImportRefused([problem(filename, FILE_LEVEL, FILE_TOO_LARGE.format(limit=limit))])
            return
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as archive:
                infos = archive.infolist()
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise ImportRefused([problem(filename, FILE_LEVEL, ZIP_BROKEN)]) from None
        self.members = [m for m in infos if not m.is_dir() and member_name(m).lower().endswith(".lrmx")]
        # The declared sizes are checked before anything is inflated; zipfile stops reading a member
        # at its declared size, so a member cannot inflate to more than it says (TRAPS.md).
        total = sum(member.file_size for member in self.members)
        if len(self.members) > settings.LRMX_IMPORT_MAX_FILES or total > settings.LRMX_IMPORT_MAX_UNCOMPRESSED:
            message = ZIP_TOO_LARGE.format(
                limit=megabytes(settings.LRMX_IMPORT_MAX_UNCOMPRESSED), count=settings.LRMX_IMPORT_MAX_FILES
            )
            raise ImportRefused([problem(filename, FILE_LEVEL, message)])
        if not self.members:
            raise ImportRefused([problem(filename, FILE_LEVEL, ZIP_EMPTY)])
        refused = [problem(member_name(m), FILE_LEVEL, reason) for m in self.members if (reason := _refusal(m))]
        if refused:
            raise ImportRefused(refused)

    def __len__(self):
        return 1 if self.members is None else len(self.members)

    def __iter__(self):
        if self.members is None:
            yield self.filename, self.content
            return
        try:
            with zipfile.ZipFile(io.BytesIO(self.content)) as archive:
                for member in self.members:
                    yield member_name(member), archive.read(member)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise ImportRefused([problem(self.filename, FILE_LEVEL, ZIP_BROKEN)]) from None


def _refusal(member):
    """Return why a zip member is refused before it is read (too large, or a bomb's ratio), or ""."""
    if member.file_size > settings.LRMX_IMPORT_MAX_BYTES:
        return FILE_TOO_LARGE.format(limit=megabytes(settings.LRMX_IMPORT_MAX_BYTES))
    ratio = member.file_size / max(member.compress_size, 1)
    if member.file_size > 1024 * 1024 and ratio > settings.LRMX_IMPORT_MAX_RATIO:
        return ZIP_BOMB.format(ratio=int(ratio))
    return ""


def unpack(filename, content):
    """Return [(name, bytes)] of an upload's .lrmx files (see Upload, which reads them one at a time)."""
    return list(Upload(filename, content))


def member_name(info):
    """Return a zip member's file name, its folders left out.

    Without the UTF-8 flag, zipfile decodes a name as CP437; but Info-ZIP writes UTF-8 and zips
    made on Chinese Windows write GBK (CP936), both without the flag. UTF-8 is tried first: GBK
    bytes are almost never valid UTF-8, while UTF-8 bytes often decode as GBK into nonsense.
    """
    name = info.filename
    if not info.flag_bits & UTF8_NAME_FLAG:
        raw = name.encode("cp437")
        for encoding in ("utf-8", "gbk"):
            try:
                name = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    return name.replace("\\", "/").rsplit("/", 1)[-1]


def parse_lrmx(filename, content):
    """Return the LrmxFile of `content`; raise ImportRefused for a file that is not a safe .lrmx.

    Accepts a leading byte-order mark; refuses DTDs, entity declarations and external references.
    """
    try:
        root = fromstring(content, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DTDForbidden:
        raise ImportRefused([problem(filename, FILE_LEVEL, DTD_REFUSED)]) from None
    except DefusedXmlException:
        raise ImportRefused([problem(filename, FILE_LEVEL, XML_REFUSED)]) from None
    except ParseError as error:
        line, column = error.position
        raise ImportRefused([problem(filename, FILE_LEVEL, NOT_XML.format(line=line, column=column))]) from None
    if root.tag != "Person":
        raise ImportRefused([problem(filename, FILE_LEVEL, WRONG_ROOT.format(tag=root.tag))])
    parsed, problems = LrmxFile(filename), []
    known = set(PERSON_ELEMENTS) | set(OPTIONAL_ELEMENTS)
    for child in root:
        if child.tag not in known:
            parsed.ignored.append(child.tag)
        elif child.tag in parsed.values:
            problems.append(problem(filename, child.tag, DUPLICATE))
        elif child.tag == FAMILY:
            parsed.values[FAMILY] = ""
            parsed.family = family_items(filename, child, problems)
        else:
            parsed.values[child.tag] = (child.text or "").strip()
    if not parsed.get("XingMing"):
        problems.append(problem(filename, "XingMing", NAME_MISSING))
    if problems:
        raise ImportRefused(problems)
    return parsed


def family_items(filename, element, problems):
    """Return the <Item>s of JiaTingChengYuan as dicts of their element texts."""
    items = []
    for item in element:
        if item.tag != FAMILY_ITEM:
            problems.append(problem(filename, FAMILY, NOT_ITEM.format(tag=item.tag)))
            continue
        items.append({name: (item.findtext(name) or "").strip() for name in FAMILY_ELEMENTS})
    return items


def label(element):
    """Return the Chinese name of an element for messages, e.g. 简历."""
    return LABELS.get(element, element)
