"""Small but real binary files: PDF, DOCX (OOXML zip), XLS (BIFF8 in an OLE2
compound file) and PNG.  All byte-deterministic for the same input."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape as xml_escape


# -- PDF ---------------------------------------------------------------------

def pdf_bytes(title_ascii: str, lines: list[str] | None = None) -> bytes:
    """A one-page PDF 1.4 with Helvetica text (ASCII only) and a correct xref."""
    lines = [title_ascii] + (lines or [])
    safe = [ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for ln in lines]
    content = "BT /F1 14 Tf 72 760 Td 18 TL " + " ".join(f"({s}) '" for s in safe) + " ET"
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        f"<< /Title ({safe[0]}) /Producer (portalwatch sample) >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n{o}\nendobj\n".encode("latin-1"))
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


# -- DOCX --------------------------------------------------------------------

_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/word/document.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
       '</Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" '
         'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         'Target="word/document.xml"/></Relationships>')


def docx_bytes(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{xml_escape(p)}</w:t></w:r></w:p>" for p in paragraphs)
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           f'<w:body>{body}<w:sectPr/></w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", _CT), ("_rels/.rels", _RELS), ("word/document.xml", doc)):
            zi = zipfile.ZipInfo(name, date_time=(2019, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()


# -- XLS (BIFF8 / OLE2) --------------------------------------------------------

def _rec(rtype: int, data: bytes) -> bytes:
    return struct.pack("<HH", rtype, len(data)) + data


def _xlstr16(s: str) -> bytes:
    """XLUnicodeString with 16-bit length, UTF-16LE (fHighByte=1)."""
    return struct.pack("<HB", len(s), 1) + s.encode("utf-16-le")


def _biff_workbook(rows: list[list]) -> bytes:
    def bof(dt):
        return _rec(0x0809, struct.pack("<HHHHII", 0x0600, dt, 0x0DBB, 0x07CC, 0x41, 0x06))
    font = _rec(0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0x86, 0) +
                struct.pack("<BB", 5, 1) + "Arial".encode("utf-16-le"))
    # 16 style XFs + 1 cell XF (ifnt 0, ifmt 0)
    xf_style = _rec(0x00E0, struct.pack("<HHHBBBBIIH", 0, 0, 0xFFF5, 0x20, 0, 0, 0, 0, 0, 0x20C0))
    xf_cell = _rec(0x00E0, struct.pack("<HHHBBBBIIH", 0, 0, 0x0001, 0x20, 0, 0, 0, 0, 0, 0x20C0))
    glob_head = bof(0x0005) + _rec(0x0042, struct.pack("<H", 1200)) + \
        _rec(0x003D, struct.pack("<HHHHHHHHH", 0, 0, 0x3000, 0x2000, 0x38, 0, 0, 1, 0x258)) + \
        font * 5 + xf_style * 16 + xf_cell
    sheet_name = "Sheet1"
    boundsheet_len = 4 + 8 + len(sheet_name)  # record header + data
    eof = _rec(0x000A, b"")
    sheet_offset = len(glob_head) + boundsheet_len + len(eof)
    boundsheet = _rec(0x0085, struct.pack("<IBBBB", sheet_offset, 0, 0, len(sheet_name), 0) + sheet_name.encode("ascii"))
    assert len(boundsheet) == boundsheet_len
    nrows = len(rows)
    ncols = max((len(r) for r in rows), default=0)
    cells = b""
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            if isinstance(v, (int, float)):
                cells += _rec(0x0203, struct.pack("<HHHd", r, c, 16, float(v)))
            else:
                cells += _rec(0x0204, struct.pack("<HHH", r, c, 16) + _xlstr16(str(v)))
    sheet = bof(0x0010) + _rec(0x0200, struct.pack("<IIHHH", 0, nrows, 0, ncols, 0)) + cells + \
        _rec(0x023E, struct.pack("<HHHIHHI", 0x06B6, 0, 0, 64, 0, 0, 0)) + eof
    return glob_head + boundsheet + eof + sheet


def xls_bytes(rows: list[list]) -> bytes:
    stream = _biff_workbook(rows)
    if len(stream) < 4096:          # keep it out of the mini stream
        stream += b"\x00" * (4096 - len(stream))
    nsec = (len(stream) + 511) // 512
    stream_padded = stream + b"\x00" * (nsec * 512 - len(stream))
    ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    # sector 0: FAT, sector 1: directory, sectors 2..: workbook
    fat = [FATSECT, ENDOFCHAIN] + [i + 1 for i in range(2, 2 + nsec - 1)] + [ENDOFCHAIN]
    if len(fat) > 128:
        raise ValueError("xls too large for a one-sector FAT")
    fat += [FREESECT] * (128 - len(fat))
    header = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\x00" * 16 + struct.pack(
        "<HHHHH6sIIIIIIIII", 0x003E, 0x0003, 0xFFFE, 9, 6, b"\x00" * 6, 0, 1, 1, 0, 4096, ENDOFCHAIN, 0,
        ENDOFCHAIN, 0)
    header += struct.pack("<I", 0) + struct.pack("<I", FREESECT) * 108
    assert len(header) == 512

    def dirent(name, typ, start, size, child=NOSTREAM):
        n = name.encode("utf-16-le") + b"\x00\x00"
        return n.ljust(64, b"\x00") + struct.pack("<HBBIII16sIQQII", len(n), typ, 1, NOSTREAM, NOSTREAM, child,
                                                    b"\x00" * 16, 0, 0, 0, start, size) + b"\x00" * 4
    d = dirent("Root Entry", 5, ENDOFCHAIN, 0, child=1) + dirent("Workbook", 2, 2, len(stream))
    d += (b"\x00" * 64 + struct.pack("<HBBIII16sIQQII", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM, b"\x00" * 16,
                                     0, 0, 0, 0, 0) + b"\x00" * 4) * 2
    assert len(d) == 512
    return header + struct.pack("<128I", *fat) + d + stream_padded


# -- PNG ---------------------------------------------------------------------

def png_bytes(width: int, height: int, rgb: tuple, stripe: tuple | None = None) -> bytes:
    def chunk(t, data):
        return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data) & 0xFFFFFFFF)
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        col = stripe if (stripe and (y // 4) % 2) else rgb
        raw.extend(bytes(col) * width)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))
