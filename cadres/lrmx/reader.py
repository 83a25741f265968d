"""Read .lrmx files (one, or a zip of them) safely: defusedxml, size limits, clear Chinese errors."""

import contextlib
import io
import zipfile
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, DTDForbidden
from defusedxml.ElementTree import fromstring

from .fields import FAMILY, FAMILY_ELEMENTS, FAMILY_ITEM, LABELS, OPTIONAL_ELEMENTS, PERSON_ELEMENTS

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ZIP_FILES = 500
MAX_ZIP_BYTES = 100 * 1024 * 1024
UTF8_NAME_FLAG = 0x800

NOT_XML = "不是有效的XML文件（第{line}行第{column}列附近）"
DTD_REFUSED = "文件含有文档类型定义（DTD）或实体声明，可能是实体扩展或外部实体攻击，为安全起见拒绝读取"
XML_REFUSED = "文件含有不安全的XML结构（实体或外部引用），为安全起见拒绝读取"
WRONG_ROOT = "根元素应为<Person>，实际为<{tag}>，不是任免审批表文件"
DUPLICATE = "元素重复出现"
NAME_MISSING = "缺少姓名"
NOT_ITEM = "家庭成员应为<Item>元素，实际为<{tag}>"
FILE_TOO_LARGE = "文件超过{limit}MB，拒绝读取"
ZIP_TOO_LARGE = "压缩包解压后超过{limit}MB或多于{count}个文件，拒绝读取"
ZIP_BROKEN = "压缩包已损坏，无法读取"
ZIP_EMPTY = "压缩包中没有 .lrmx 文件"
FILE_LEVEL = "文件"


@dataclass
class FileProblem:
    """An error in one file: `element` is the pinyin element name, or 文件 for the file as a whole."""

    filename: str
    element: str
    message: str

    def __str__(self):
        return f"{self.filename} · {self.element} · {self.message}"


class LrmxReadError(Exception):
    """A file that cannot be read at all; `problems` say why."""

    def __init__(self, problems):
        super().__init__("；".join(str(p) for p in problems))
        self.problems = problems


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


def unpack(filename, content):
    """Return [(name, bytes)] for an upload: the .lrmx files of a zip, or the file itself."""
    if not zipfile.is_zipfile(io.BytesIO(content)):
        if len(content) > MAX_FILE_BYTES:
            raise LrmxReadError([FileProblem(filename, FILE_LEVEL, FILE_TOO_LARGE.format(limit=MAX_FILE_BYTES >> 20))])
        return [(filename, content)]
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            members = [m for m in archive.infolist() if not m.is_dir() and m.filename.lower().endswith(".lrmx")]
            # Check the declared sizes before inflating anything: a zip bomb never gets read (TRAPS.md).
            if len(members) > MAX_ZIP_FILES or sum(m.file_size for m in members) > MAX_ZIP_BYTES:
                message = ZIP_TOO_LARGE.format(limit=MAX_ZIP_BYTES >> 20, count=MAX_ZIP_FILES)
                raise LrmxReadError([FileProblem(filename, FILE_LEVEL, message)])
            files = [(member_name(m), archive.read(m)) for m in members]
    except (zipfile.BadZipFile, OSError, EOFError):
        raise LrmxReadError([FileProblem(filename, FILE_LEVEL, ZIP_BROKEN)]) from None
    if not files:
        raise LrmxReadError([FileProblem(filename, FILE_LEVEL, ZIP_EMPTY)])
    return files


def member_name(info):
    """Return a zip member's name; zips made on Chinese Windows store GBK without the UTF-8 flag."""
    name = info.filename
    if not info.flag_bits & UTF8_NAME_FLAG:
        with contextlib.suppress(UnicodeEncodeError, UnicodeDecodeError):
            name = name.encode("cp437").decode("gbk")
    return name.rsplit("/", 1)[-1]


def parse_lrmx(filename, content):
    """Return the LrmxFile of `content`; raise LrmxReadError for a file that is not a safe .lrmx.

    Accepts a leading byte-order mark; refuses DTDs, entity declarations and external references.
    """
    try:
        root = fromstring(content, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DTDForbidden:
        raise LrmxReadError([FileProblem(filename, FILE_LEVEL, DTD_REFUSED)]) from None
    except DefusedXmlException:
        raise LrmxReadError([FileProblem(filename, FILE_LEVEL, XML_REFUSED)]) from None
    except ParseError as error:
        line, column = error.position
        raise LrmxReadError([FileProblem(filename, FILE_LEVEL, NOT_XML.format(line=line, column=column))]) from None
    if root.tag != "Person":
        raise LrmxReadError([FileProblem(filename, FILE_LEVEL, WRONG_ROOT.format(tag=root.tag))])
    parsed, problems = LrmxFile(filename), []
    known = set(PERSON_ELEMENTS) | set(OPTIONAL_ELEMENTS)
    for child in root:
        if child.tag not in known:
            parsed.ignored.append(child.tag)
        elif child.tag in parsed.values:
            problems.append(FileProblem(filename, child.tag, DUPLICATE))
        elif child.tag == FAMILY:
            parsed.values[FAMILY] = ""
            parsed.family = family_items(filename, child, problems)
        else:
            parsed.values[child.tag] = (child.text or "").strip()
    if not parsed.get("XingMing"):
        problems.append(FileProblem(filename, "XingMing", NAME_MISSING))
    if problems:
        raise LrmxReadError(problems)
    return parsed


def family_items(filename, element, problems):
    """Return the <Item>s of JiaTingChengYuan as dicts of their element texts."""
    items = []
    for item in element:
        if item.tag != FAMILY_ITEM:
            problems.append(FileProblem(filename, FAMILY, NOT_ITEM.format(tag=item.tag)))
            continue
        items.append({name: (item.findtext(name) or "").strip() for name in FAMILY_ELEMENTS})
    return items


def label(element):
    """Return the Chinese name of an element for messages, e.g. 简历."""
    return LABELS.get(element, element)
