"""Hostile and broken submissions, each with the error record the pipeline
must produce (or, for traps that must be read safely, a normal record).

  builder        file                               expected
  encrypted_pdf  PDF with a user password           error encrypted
  truncated_pdf  PDF cut before its first page ends error unreadable
  empty_file     0 bytes                            error empty
  blank_scan     image-only PDF of a blank page     error empty (OCR finds no text)
  broken_docx    "PK" header then random bytes      error unreadable (damaged Office file)
  random_docx    random bytes named .docx           error unsupported_format (no known format)
  png_as_pdf     a PNG named .pdf                   error unsupported_format
  exe_as_pdf     DOS/PE-looking bytes named .pdf    error unsupported_format
  zip_bomb       ZIP with 200 MB of zeros in 1 entry error too_large (ratio >> 100)
  zip_slip       ZIP with ../../ and /tmp/ names    ok candidature (names neutralised)
  xxe_docx       DOCX declaring an external entity  ok candidature (entity not expanded)
  pages_400      PDF of 400 pages                   error too_large (max_pages 300)
  encrypted_odt  ODT with an encryption manifest    error encrypted
  encrypted_zip  ZIP with password (ZipCrypto)      error encrypted
  junk_zip       ZIP holding only system files      error empty
  junk_folder    folder holding only system files   error empty
  broken_doc     OLE2 header then garbage, .doc     error unreadable
"""
from __future__ import annotations

import base64
import hashlib
import io
import random
import struct
import time
import zipfile
import zlib
from pathlib import Path

from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC
from lxml import etree
from PIL import Image, ImageDraw
from reportlab.lib import pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from . import candidature as C
from . import truth
from .package import ZIP_TIME, junk_bytes
from .people import PeoplePool
from .render_pdf import render_pdf
from .render_scan import degrade
from .spec import PieceSpec, Submission

CASES = [
    # (key, file name, builder, expected error code; None: a normal record is expected)
    ("h01", "h01-candidature-expe-ct.pdf", "encrypted_pdf", "encrypted"),
    ("h02", "h02-dossier-expe-ct.pdf", "truncated_pdf", "unreadable"),
    ("h03", "h03-candidature.pdf", "empty_file", "empty"),
    ("h04", "h04-scan-0001.pdf", "blank_scan", "empty"),
    ("h05", "h05-rapport-final.docx", "broken_docx", "unreadable"),
    ("h06", "h06-formulaire.docx", "random_docx", "unsupported_format"),
    ("h07", "h07-lettre-signee.pdf", "png_as_pdf", "unsupported_format"),
    ("h08", "h08-dossier-candidature.pdf", "exe_as_pdf", "unsupported_format"),
    ("h09", "h09-candidature-annexes.zip", "zip_bomb", "too_large"),
    ("h10", "h10-envoi-candidature.zip", "zip_slip", None),
    ("h11", "h11-lettre-candidature.docx", "xxe_docx", None),
    ("h12", "h12-dossier-et-annexes.pdf", "pages_400", "too_large"),
    ("h13", "h13-candidature.odt", "encrypted_odt", "encrypted"),
    ("h14", "h14-pieces-candidature.zip", "encrypted_zip", "encrypted"),
    ("h15", "h15-envoi.zip", "junk_zip", "empty"),
    ("h16", "h16-envoi-mairie", "junk_folder", "empty"),
    ("h17", "h17-lettre.doc", "broken_doc", "unreadable"),
]
NOTES = {
    "encrypted_pdf": "PDF protégé par un mot de passe d'ouverture (RC4 128 bits) ; contenu : une candidature.",
    "truncated_pdf": "PDF coupé à 12 % de sa taille : en-tête présent, aucune page complète, pas de table xref.",
    "empty_file": "Fichier de 0 octet.",
    "blank_scan": "PDF image d'une page blanche scannée (taches de poussière) : aucun texte, même après OCR.",
    "broken_docx": "Commence par « PK\\x03\\x04 » puis octets aléatoires : archive Office endommagée.",
    "random_docx": "Octets aléatoires sans signature connue, nommés .docx : format non pris en charge.",
    "png_as_pdf": "Image PNG renommée en .pdf.",
    "exe_as_pdf": "Octets d'allure exécutable (en-tête MZ) renommés en .pdf ; inertes.",
    "zip_bomb": "Une entrée de 200 Mo de zéros compressée ~1000:1, à côté d'une vraie lettre.",
    "zip_slip": "Entrées « ../../evil.docx » et « /tmp/evil.docx » : à lire sans sortir de l'archive ; "
                "noms neutralisés en « evil.docx » et « tmp/evil.docx ».",
    "xxe_docx": "document.xml déclare <!ENTITY e SYSTEM \"file:///etc/hostname\"> et l'utilise : "
                "le texte doit être lu sans le contenu de l'entité.",
    "pages_400": "PDF de 400 pages (limite max_pages = 300).",
    "encrypted_odt": "ODT chiffré selon ODF 1.2 (AES-256-CBC, PBKDF2) : manifest avec encryption-data.",
    "encrypted_zip": "ZIP chiffré (ZipCrypto) contenant une lettre et un formulaire.",
    "junk_zip": "ZIP ne contenant que .DS_Store, Thumbs.db et __MACOSX/.",
    "junk_folder": "Dossier ne contenant que des fichiers système (.DS_Store, Thumbs.db, desktop.ini).",
    "broken_doc": "Signature OLE2 (Word 97) suivie d'octets aléatoires.",
}


# What the bytes really are, where they are a supported format at all.
TRUE_FORMAT = {"encrypted_pdf": ["pdf"], "truncated_pdf": ["pdf"], "empty_file": [], "blank_scan": ["pdf"],
               "broken_docx": ["docx"], "pages_400": ["pdf"], "encrypted_odt": ["odt"], "broken_doc": ["doc"]}


def build_all(seed: int, pool: PeoplePool) -> list[Submission]:
    eligible = C.shuffled_eligible(seed, "hostile")
    out = []
    for key, name, builder, code in CASES:
        pieces: list[PieceSpec] = []
        plan = None
        if builder in ("encrypted_pdf", "truncated_pdf", "xxe_docx", "zip_slip", "encrypted_odt",
                       "encrypted_zip", "zip_bomb"):
            style = "form" if builder == "zip_slip" else "letter"
            how = {"xxe_docx": "docx", "encrypted_odt": "odt", "zip_slip": "zip", "encrypted_zip": "zip",
                   "zip_bomb": "zip"}.get(builder, "pdf")
            plan = C.plan_candidature(key, (how, style, {"signature": "signed"}), seed, pool, eligible)
            wrng = random.Random(f"{seed}:{key}:write")
            if builder in ("zip_slip", "encrypted_zip"):
                pieces = [PieceSpec("../../evil.docx" if builder == "zip_slip" else "lettre.docx",
                                    C.letter_doc(plan, wrng, full=False), "docx"),
                          PieceSpec("/tmp/evil.docx" if builder == "zip_slip" else "formulaire.docx",
                                    C.form_doc(plan, wrng, False), "docx")]
            else:
                piece_how = {"xxe_docx": "docx", "encrypted_odt": "odt"}.get(builder, "pdf")
                pieces = [PieceSpec(name if builder != "zip_bomb" else "lettre-candidature.pdf",
                                    C.letter_doc(plan, wrng, full=True), piece_how)]
        container = "zip" if name.endswith(".zip") else "folder" if builder == "junk_folder" else "file"
        if code is None:
            tr = C.candidature_truth(plan, name, pieces)
            if builder == "zip_slip":
                safe = ["evil.docx", "tmp/evil.docx"]
                for entry, new in zip(tr["pieces"], safe):
                    entry["file"] = new
                tr["writing"]["pieces"] = safe
            tr["notes"] = [NOTES[builder]] + tr["notes"]
        else:
            tr = truth.error_record(name, None, code, TRUE_FORMAT.get(builder, []), [NOTES[builder]], [])
        out.append(Submission(name, "hostile", container, pieces, tr, builder=builder))
    return out


# --------------------------------------------------------------------------- materialising

def materialise(sub: Submission, staged: list[Path], dest: Path, seed: int) -> None:
    """Write the hostile submission at `dest` from its rendered pieces."""
    rng = random.Random(f"{seed}:{sub.name}:bytes")
    builder = sub.builder
    if builder == "encrypted_pdf":
        enc = pdfencrypt.StandardEncryption("Expe-CT2024!", ownerPassword="proprietaire", strength=128)
        render_pdf(sub.pieces[0].doc, dest, random.Random(f"{seed}:{sub.name}"), encrypt=enc)
    elif builder == "truncated_pdf":
        data = staged[0].read_bytes()
        dest.write_bytes(data[:int(len(data) * 0.12)])
    elif builder == "empty_file":
        dest.write_bytes(b"")
    elif builder == "blank_scan":
        page = Image.new("L", (1241, 1754), 255)
        stamp = time.strptime("2024-01-01", "%Y-%m-%d")
        degrade(page, rng).save(dest, "PDF", resolution=150.0, quality=50, creationDate=stamp, modDate=stamp)
    elif builder == "broken_docx":
        dest.write_bytes(b"PK\x03\x04" + rng.randbytes(24_000))
    elif builder == "random_docx":
        dest.write_bytes(bytes([0x8F, 0x3A]) + rng.randbytes(18_000))
    elif builder == "png_as_pdf":
        img = Image.new("RGB", (640, 420), (236, 232, 220))
        draw = ImageDraw.Draw(img)
        for y in range(60, 380, 22):
            draw.line([(40, y), (rng.randint(300, 600), y)], fill=(60, 60, 70), width=3)
        out = io.BytesIO()
        img.save(out, "PNG")
        dest.write_bytes(out.getvalue())
    elif builder == "exe_as_pdf":
        stub = b"MZ" + bytes(58) + struct.pack("<I", 0x80) + bytes(64)
        stub += b"This program cannot be run in DOS mode.\r\r\n$" + bytes(3) + b"PE\x00\x00"
        dest.write_bytes(stub + rng.randbytes(30_000))
    elif builder == "zip_bomb":
        _zip_bomb(staged[0], dest)
    elif builder == "zip_slip":
        with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
            for piece, path in zip(sub.pieces, staged):
                info = zipfile.ZipInfo(piece.file, ZIP_TIME)  # kept verbatim: ZipInfo does not sanitise
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, path.read_bytes())
    elif builder == "xxe_docx":
        _xxe(staged[0], dest)
    elif builder == "pages_400":
        _pages(dest, 400)
    elif builder == "encrypted_odt":
        _encrypt_odt(staged[0], dest, "Expe-CT2024!", rng)
    elif builder == "encrypted_zip":
        entries = [(p.file, path.read_bytes()) for p, path in zip(sub.pieces, staged)]
        dest.write_bytes(zipcrypto(entries, b"daect2024", rng))
    elif builder == "junk_zip":
        with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
            for name in (".DS_Store", "Thumbs.db", "__MACOSX/._lettre.pdf"):
                zf.writestr(zipfile.ZipInfo(name, ZIP_TIME), junk_bytes(name))
    elif builder == "junk_folder":
        dest.mkdir(parents=True, exist_ok=True)
        for name in (".DS_Store", "Thumbs.db", "desktop.ini"):
            (dest / name).write_bytes(junk_bytes(name))
    elif builder == "broken_doc":
        dest.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(12_000))
    else:
        raise ValueError(builder)


def _zip_bomb(letter: Path, dest: Path) -> None:
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr(zipfile.ZipInfo("lettre-candidature.pdf", ZIP_TIME), letter.read_bytes())
        info = zipfile.ZipInfo("annexes-techniques.pdf", ZIP_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        chunk = bytes(1 << 20)
        with zf.open(info, "w", force_zip64=False) as out:
            for _ in range(200):
                out.write(chunk)


XXE_DOCTYPE = b'<!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/hostname">]>'


def _xxe(docx: Path, dest: Path) -> None:
    """Declare an external entity in document.xml and use it in a paragraph."""
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                decl_end = data.index(b"?>") + 2
                data = data[:decl_end] + b"\n" + XXE_DOCTYPE + data[decl_end:]
                para = b'<w:p><w:r><w:t xml:space="preserve">R\xc3\xa9f\xc3\xa9rence du poste : &e;</w:t></w:r></w:p>'
                body_end = data.rindex(b"<w:sectPr")
                data = data[:body_end] + para + data[body_end:]
            out.writestr(zipfile.ZipInfo(info.filename, ZIP_TIME), data, zipfile.ZIP_DEFLATED)


def _pages(dest: Path, n: int) -> None:
    c = canvas.Canvas(str(dest), pagesize=A4, invariant=1)
    c.setTitle("Dossier de candidature et annexes")
    for i in range(1, n + 1):
        c.setFont("Helvetica-Bold" if i == 1 else "Helvetica", 14 if i == 1 else 10)
        c.drawString(72, 770, "Dossier de candidature EXPE-CT" if i == 1 else f"Annexe technique – relevé n° {i - 1}")
        c.setFont("Helvetica", 9)
        c.drawString(72, 740, f"Page {i} / {n}")
        c.showPage()
    c.save()


# --- ODF 1.2 encryption (what LibreOffice writes for a password-protected document)

MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
ENCRYPTED_PARTS = ("content.xml", "styles.xml", "settings.xml", "meta.xml")


def _encrypt_odt(odt: Path, dest: Path, password: str, rng: random.Random) -> None:
    start_key = hashlib.sha256(password.encode("utf-8")).digest()
    with zipfile.ZipFile(odt) as src:
        names = src.namelist()
        manifest = etree.fromstring(src.read("META-INF/manifest.xml"))
        parts = {n: src.read(n) for n in names}
    m = "{%s}" % MANIFEST_NS
    encrypted: dict[str, bytes] = {}
    for entry in manifest.findall(f"{m}file-entry"):
        path = entry.get(f"{m}full-path")
        if path.startswith("Thumbnails/"):  # a preview would leak the text: LibreOffice omits it
            manifest.remove(entry)
            parts.pop(path, None)
            continue
        if path not in parts or not (path in ENCRYPTED_PARTS or path.startswith("Pictures/")):
            continue
        plain = parts[path]
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = comp.compress(plain) + comp.flush()
        salt, iv = rng.randbytes(16), rng.randbytes(16)
        key = PBKDF2HMAC(hashes.SHA1(), 32, salt, 100_000).derive(start_key)
        padder = padding.PKCS7(128).padder()
        enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
        encrypted[path] = enc.update(padder.update(packed) + padder.finalize()) + enc.finalize()
        entry.set(f"{m}size", str(len(plain)))
        data = etree.SubElement(entry, f"{m}encryption-data", {
            f"{m}checksum-type": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k",
            f"{m}checksum": base64.b64encode(hashlib.sha256(packed[:1024]).digest()).decode()})
        etree.SubElement(data, f"{m}algorithm", {
            f"{m}algorithm-name": "http://www.w3.org/2001/04/xmlenc#aes256-cbc",
            f"{m}initialisation-vector": base64.b64encode(iv).decode()})
        etree.SubElement(data, f"{m}start-key-generation", {
            f"{m}start-key-generation-name": "http://www.w3.org/2000/09/xmldsig#sha256", f"{m}key-size": "32"})
        etree.SubElement(data, f"{m}key-derivation", {
            f"{m}key-derivation-name": "PBKDF2", f"{m}key-size": "32", f"{m}iteration-count": "100000",
            f"{m}salt": base64.b64encode(salt).decode()})
    parts["META-INF/manifest.xml"] = etree.tostring(manifest, xml_declaration=True, encoding="UTF-8")
    parts.update(encrypted)
    with zipfile.ZipFile(dest, "w") as out:
        out.writestr(zipfile.ZipInfo("mimetype", ZIP_TIME), parts.pop("mimetype"), zipfile.ZIP_STORED)
        for name in names:
            if name in parts:
                method = zipfile.ZIP_STORED if name in encrypted else zipfile.ZIP_DEFLATED
                out.writestr(zipfile.ZipInfo(name, ZIP_TIME), parts[name], method)


# --- ZipCrypto (traditional PKWARE encryption), which zipfile can read but not write

def _crc_table() -> list[int]:
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (0xEDB88320 ^ (c >> 1)) if c & 1 else c >> 1
        table.append(c)
    return table


CRC = _crc_table()


class _ZipCrypto:
    def __init__(self, password: bytes):
        self.k = [0x12345678, 0x23456789, 0x34567890]
        for b in password:
            self._update(b)

    def _crc(self, crc: int, b: int) -> int:
        return CRC[(crc ^ b) & 0xFF] ^ (crc >> 8)

    def _update(self, b: int) -> None:
        k = self.k
        k[0] = self._crc(k[0], b)
        k[1] = ((k[1] + (k[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        k[2] = self._crc(k[2], k[1] >> 24)

    def encrypt(self, data: bytes) -> bytes:
        out = bytearray()
        for b in data:
            t = (self.k[2] | 2) & 0xFFFF
            out.append(b ^ (((t * (t ^ 1)) >> 8) & 0xFF))
            self._update(b)
        return bytes(out)


def zipcrypto(entries: list[tuple[str, bytes]], password: bytes, rng: random.Random) -> bytes:
    """A ZIP archive whose entries are deflated then ZipCrypto-encrypted."""
    dos_time = (ZIP_TIME[3] << 11) | (ZIP_TIME[4] << 5) | (ZIP_TIME[5] // 2)
    dos_date = ((ZIP_TIME[0] - 1980) << 9) | (ZIP_TIME[1] << 5) | ZIP_TIME[2]
    body, central = bytearray(), bytearray()
    for name, data in entries:
        crc = zlib.crc32(data)
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = comp.compress(data) + comp.flush()
        header = rng.randbytes(11) + bytes([crc >> 24])
        payload = _ZipCrypto(password).encrypt(header + packed)
        raw_name = name.encode("utf-8")
        flags = 0x1 | (0x800 if not name.isascii() else 0)
        fields = struct.pack("<HHHHHIII", 20, flags, 8, dos_time, dos_date, crc, len(payload), len(data))
        offset = len(body)
        body += b"PK\x03\x04" + fields + struct.pack("<HH", len(raw_name), 0) + raw_name + payload
        central += (b"PK\x01\x02" + struct.pack("<H", 20) + fields
                    + struct.pack("<HHHHHII", len(raw_name), 0, 0, 0, 0, 0, offset) + raw_name)
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(entries), len(entries), len(central), len(body), 0)
    return bytes(body + central + end)
