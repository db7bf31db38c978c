#!/usr/bin/env python3
"""Structural checks of osteodoc's PDF/A-2a + PDF/UA-1 claims, with pikepdf.

    python3 scripts/pdf_conformance.py FILE.pdf [--lang TAG ...] [--latin-in-rtl]

Checks what can be checked from the file's objects and content streams (there is
no veraPDF here; see README, "Archive-grade and accessible PDF"). Every check
names the clause it enforces: ISO 19005-2 (PDF/A-2) and ISO 14289-1 (PDF/UA-1),
with the Matterhorn Protocol 1.1 checkpoint where there is one. --lang names a
language that must appear as /Lang on a structure element (a bilingual document's
second language); --latin-in-rtl requires a /Lang span inside right-to-left text.
Exit status 0 when every check passes, 1 otherwise (each failure printed).
"""
import re
import sys
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Name, Operator

STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "H", "H1", "H2", "H3", "H4", "H5", "H6", "P", "L", "LI", "Lbl", "LBody",
    "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note", "Reference",
    "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT", "WP",
    "Figure", "Formula", "Form",
}
LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
}
PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "Tj", "TJ", "'", '"', "Do", "sh", "BI"}


class Checker:
    def __init__(self, path):
        self.path = path
        self.failures = []
        self.passed = 0
        self.raw = open(path, "rb").read()
        self.pdf = pikepdf.open(path)
        self.root = self.pdf.Root

    def check(self, ok, clause, message):
        if ok:
            self.passed += 1
        else:
            self.failures.append(f"{clause}: {message}")

    # ISO 19005-2 §6.1: file structure -------------------------------------------------
    def file_structure(self):
        head = self.raw[:20]
        self.check(re.match(rb"%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}", head) is not None,
                   "ISO 19005-2 §6.1.2", "header %PDF-1.n followed by a comment of four bytes > 127")
        trailer = self.pdf.trailer
        ids = trailer.get("/ID")
        self.check(ids is not None and len(ids) == 2 and len(bytes(ids[0])) == 16,
                   "ISO 19005-2 §6.1.3", "trailer /ID with two file identifiers (ISO 32000-1 §14.4)")
        self.check("/Encrypt" not in trailer, "ISO 19005-2 §6.1.3 / ISO 14289-1 §7.16", "no encryption")
        self.check(self.raw.rstrip(b"\r\n").endswith(b"%%EOF"), "ISO 19005-2 §6.1.3", "nothing after the last %%EOF")
        for obj in self.pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                d = obj.stream_dict
                self.check(not any(k in d for k in ("/F", "/FFilter", "/FDecodeParms")),
                           "ISO 19005-2 §6.1.7.1", f"stream {obj.objgen} has no F, FFilter or FDecodeParms")
                filters = d.get("/Filter")
                names = [str(f) for f in (filters if isinstance(filters, pikepdf.Array) else [filters] if filters else [])]
                self.check(not {"/LZWDecode", "/Crypt"} & set(names), "ISO 19005-2 §6.1.7.2",
                           f"stream {obj.objgen} uses no LZW or Crypt filter")

    # §6.2: graphics ---------------------------------------------------------------------
    def output_intent(self):
        intents = self.root.get("/OutputIntents")
        pdfa = [i for i in (intents or []) if i.get("/S") == Name("/GTS_PDFA1")]
        self.check(len(pdfa) == 1, "ISO 19005-2 §6.2.3", "one PDF/A OutputIntent (/S /GTS_PDFA1)")
        if pdfa:
            profile = pdfa[0].get("/DestOutputProfile")
            self.check(profile is not None, "ISO 19005-2 §6.2.3", "OutputIntent has a DestOutputProfile")
            if profile is not None:
                data = profile.read_bytes()
                self.check(data[36:40] == b"acsp" and data[12:16] in (b"mntr", b"prtr") and data[16:20] == b"RGB ",
                           "ISO 19005-2 §6.2.3", "the profile is an ICC monitor/printer profile of an RGB space")
                self.check(int(profile.stream_dict.get("/N", 0)) == 3, "ISO 19005-2 §6.2.3 (ISO 32000-1 §8.6.5.5)",
                           "/N 3 matches the RGB profile")
            self.check("/OutputConditionIdentifier" in pdfa[0], "ISO 19005-2 §6.2.3 (ISO 32000-1 §14.11.5)",
                       "OutputConditionIdentifier present")

    def transparency(self):
        # ISO 19005-2 §6.2.10 allows transparency only under conditions; osteodoc uses none.
        for number, page in enumerate(self.pdf.pages, 1):
            group = page.obj.get("/Group")
            self.check(group is None or group.get("/S") != Name("/Transparency") or "/CS" in group,
                       "ISO 19005-2 §6.2.10", f"page {number}: no transparency group without a blending colour space")
            resources = page.obj.get("/Resources", {})
            for _, gs in (resources.get("/ExtGState") or {}).items():
                self.check(gs.get("/SMask", Name("/None")) == Name("/None")
                           and float(gs.get("/CA", 1)) == 1 and float(gs.get("/ca", 1)) == 1,
                           "ISO 19005-2 §6.2.10", f"page {number}: no soft mask or constant alpha < 1")
                self.check("/TR" not in gs and "/HTP" not in gs, "ISO 19005-2 §6.2.5", "no transfer functions")

    def fonts(self):
        seen = set()
        for number, page in enumerate(self.pdf.pages, 1):
            fonts = page.obj.Resources.get("/Font", {})
            codes = self.used_codes(page, fonts)
            for key, font in fonts.items():
                if font.objgen in seen:
                    continue
                seen.add(font.objgen)
                self.check(font.get("/Subtype") == Name("/Type0"), "ISO 19005-2 §6.2.11.2", f"{key}: composite font")
                cid = font.DescendantFonts[0]
                descriptor = cid.FontDescriptor
                self.check("/FontFile2" in descriptor, "ISO 19005-2 §6.2.11.4.1 / ISO 14289-1 §7.21.4.1",
                           f"{font.BaseFont}: font program embedded")
                self.check("/CIDToGIDMap" in cid, "ISO 19005-2 §6.2.11.3.2 / ISO 14289-1 §7.21.3.2",
                           f"{font.BaseFont}: CIDFontType2 has a CIDToGIDMap")
                info = cid.CIDSystemInfo
                encoding = font.Encoding
                if isinstance(encoding, pikepdf.Stream):
                    # An embedded CMap (one-byte codes to CIDs).
                    system = encoding.CIDSystemInfo
                    self.check(str(system.Registry) == str(info.Registry) and str(system.Ordering) == str(info.Ordering)
                               and int(info.Supplement) <= int(system.Supplement),
                               "ISO 19005-2 §6.2.11.3.1 / ISO 14289-1 §7.21.3.1",
                               f"{font.BaseFont}: CIDSystemInfo of CIDFont and CMap agree")
                    program = encoding.read_bytes().decode("latin-1")
                    declared = re.search(r"/WMode\s+(\d+)\s+def", program)
                    self.check(int(encoding.get("/WMode", 0)) == int(declared.group(1) if declared else 0),
                               "ISO 19005-2 §6.2.11.3.3 / ISO 14289-1 §7.21.3.3", f"{font.BaseFont}: CMap WMode matches its program")
                    self.check("/UseCMap" not in encoding and "usecmap" not in program,
                               "ISO 19005-2 §6.2.11.3.3", f"{font.BaseFont}: the embedded CMap uses no other CMap")
                else:
                    self.check(encoding == Name("/Identity-H") and str(info.Ordering) == "Identity",
                               "ISO 19005-2 §6.2.11.3.1 / ISO 14289-1 §7.21.3.1", f"{font.BaseFont}: CIDSystemInfo matches Identity-H")
            for key, used in codes.items():
                font = fonts[key]
                mapping = self.to_unicode(font)
                missing = sorted(c for c in used if c not in mapping)
                self.check(not missing, "ISO 19005-2 §6.2.11.7.2 / ISO 14289-1 §7.21.7",
                           f"page {number} {font.BaseFont}: every code shown has a ToUnicode mapping (missing {missing[:5]})")
                bad = [c for c in used if c in mapping and any(u in (0, 0xFEFF, 0xFFFE) for u in mapping[c])]
                self.check(not bad, "ISO 19005-2 §6.2.11.7.2", f"{font.BaseFont}: no mapping to U+0000, U+FEFF, U+FFFE")
                cids = self.cids(font, used)
                self.check(0 not in cids, "ISO 19005-2 §6.2.11.8 / ISO 14289-1 §7.21.8", f"{font.BaseFont}: no .notdef glyph")

    def used_codes(self, page, fonts):
        codes, current = {}, None
        for operands, op in pikepdf.parse_content_stream(page):
            name = str(op)
            if name == "Tf":
                current = str(operands[0])
            elif name in ("Tj", "TJ", "'", '"') and current:
                strings = operands[0] if name == "TJ" else [operands[-1]]
                for s in strings:
                    if isinstance(s, pikepdf.String):
                        b = bytes(s)
                        width = self.code_width(fonts[current]) if current in fonts else 2
                        codes.setdefault(current, set()).update(int.from_bytes(b[i:i + width], "big")
                                                                for i in range(0, len(b), width))
        return codes

    _cmaps = {}

    def cids(self, font, codes):
        """The CIDs that `codes` select: the codes themselves for Identity-H, else through the
        embedded CMap's cidrange and cidchar entries (a code it does not map selects CID 0)."""
        encoding = font.get("/Encoding")
        if not isinstance(encoding, pikepdf.Stream):
            return set(codes)
        program = encoding.read_bytes().decode("latin-1")
        mapping = {}
        for block in re.findall(r"begincidrange(.*?)endcidrange", program, re.S):
            for a, b, cid in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\d+)", block):
                for offset, code in enumerate(range(int(a, 16), int(b, 16) + 1)):
                    mapping[code] = int(cid) + offset
        for block in re.findall(r"begincidchar(.*?)endcidchar", program, re.S):
            for code, cid in re.findall(r"<([0-9A-Fa-f]+)>\s*(\d+)", block):
                mapping[int(code, 16)] = int(cid)
        return {mapping.get(code, 0) for code in codes}

    def code_width(self, font):
        """Bytes per code: 2 for Identity-H, else the width of the embedded CMap's code space."""
        encoding = font.get("/Encoding")
        if isinstance(encoding, pikepdf.Stream):
            space = re.search(r"begincodespacerange\s*<([0-9A-Fa-f]+)>", encoding.read_bytes().decode("latin-1"))
            if space:
                return len(space.group(1)) // 2
        return 2

    def to_unicode(self, font):
        key = font.objgen
        if key not in self._cmaps:
            text = font.ToUnicode.read_bytes().decode("latin-1")
            mapping = {}
            for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
                for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    mapping[int(src, 16)] = [int(dst[i:i + 4], 16) for i in range(0, len(dst), 4)]
            for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
                for a, b, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
                    for offset, code in enumerate(range(int(a, 16), int(b, 16) + 1)):
                        mapping[code] = [int(dst, 16) + offset]
            self._cmaps[key] = mapping
        return self._cmaps[key]

    # §6.5 actions, §6.6 metadata ----------------------------------------------------------
    def forbidden(self):
        self.check("/AA" not in self.root and "/OpenAction" not in self.root, "ISO 19005-2 §6.5.2", "catalog has no actions")
        names = self.root.get("/Names", {})
        self.check("/JavaScript" not in names, "ISO 19005-2 §6.5.1", "no document JavaScript")
        js = [o for o in self.pdf.objects if isinstance(o, pikepdf.Dictionary) and o.get("/S") == Name("/JavaScript")]
        self.check(not js, "ISO 19005-2 §6.5.1", "no JavaScript actions")
        for number, page in enumerate(self.pdf.pages, 1):
            self.check("/AA" not in page.obj, "ISO 19005-2 §6.5.2", f"page {number} has no additional actions")
            self.check(page.obj.get("/Tabs") == Name("/S"), "ISO 14289-1 §7.18.3 (Matterhorn 28-002)",
                       f"page {number}: /Tabs /S")
        self.check("/AcroForm" not in self.root or "/XFA" not in self.root.AcroForm, "ISO 19005-2 §6.4.2", "no XFA")

    def metadata(self):
        meta = self.root.get("/Metadata")
        self.check(meta is not None and meta.stream_dict.get("/Type") == Name("/Metadata")
                   and meta.stream_dict.get("/Subtype") == Name("/XML"), "ISO 19005-2 §6.6.2.1 / ISO 14289-1 §7.1",
                   "catalog /Metadata stream of /Type /Metadata /Subtype /XML")
        if meta is None:
            return
        self.check("/Filter" not in meta.stream_dict, "ISO 19005-2 §6.6.2.1", "metadata stream not filtered")
        packet = meta.read_bytes()
        header = packet.split(b"?>", 1)[0]
        self.check(b"bytes=" not in header and b"encoding=" not in header, "ISO 19005-2 §6.6.2.1",
                   "xpacket header without bytes or encoding attributes")
        try:
            xml = ET.fromstring(packet.decode("utf-8").split("?>", 1)[1].rsplit("<?xpacket", 1)[0])
        except Exception as error:  # noqa: BLE001 - reported as a failure
            self.check(False, "ISO 19005-2 §6.6.2.1", f"XMP is well-formed UTF-8 XML ({error})")
            return

        def one(path):
            found = xml.find(".//" + path, NS)
            return None if found is None else (found.text or "").strip()

        self.check(one("pdfaid:part") == "2" and one("pdfaid:conformance") == "A", "ISO 19005-2 §6.6.4",
                   "pdfaid:part 2, pdfaid:conformance A")
        self.check(one("pdfuaid:part") == "1", "ISO 14289-1 §5 (Matterhorn 06-002)", "pdfuaid:part 1")
        declared = [e.text for e in xml.findall(".//pdfaSchema:namespaceURI", NS)]
        self.check(NS["pdfuaid"] in declared, "ISO 19005-2 §6.6.2.3.2",
                   "the pdfuaid schema is declared in a PDF/A extension schema")
        title = one("dc:title/rdf:Alt/rdf:li")
        self.check(bool(title), "ISO 14289-1 §7.1 (Matterhorn 06-003)", "dc:title present")
        info = self.pdf.trailer.get("/Info", {})
        # ISO 32000-1 §14.3.3 with ISO 19005-1 §6.7.3: Info and XMP say the same.
        clause = "ISO 32000-1 §14.3.3 / ISO 19005-1 §6.7.3"
        self.check(str(info.get("/Title", "")) == title, clause, "Info /Title equals dc:title")
        self.check(str(info.get("/Producer", "")) == (one("pdf:Producer") or ""), clause, "Info /Producer equals pdf:Producer")
        self.check(str(info.get("/Creator", "")) == (one("xmp:CreatorTool") or ""), clause, "Info /Creator equals xmp:CreatorTool")
        self.check(("/CreationDate" in info) == (one("xmp:CreateDate") is not None), clause,
                   "Info /CreationDate present exactly when xmp:CreateDate is")
        self.check(str(info.get("/Producer", "")).startswith("osteodoc"), "osteodoc", "Producer names osteodoc")

    # ISO 14289-1 §7: tagged content ---------------------------------------------------------
    def tagging(self, languages, latin_in_rtl):
        mark = self.root.get("/MarkInfo", {})
        self.check(bool(mark.get("/Marked", False)), "ISO 19005-2 §6.7.2.2 / ISO 14289-1 §6.2 (Matterhorn 06-001)",
                   "/MarkInfo /Marked true")
        self.check(not bool(mark.get("/Suspects", False)), "ISO 14289-1 §7.1 (Matterhorn 01-002)", "/Suspects is not true")
        prefs = self.root.get("/ViewerPreferences", {})
        self.check(bool(prefs.get("/DisplayDocTitle", False)), "ISO 14289-1 §7.1 (Matterhorn 07-001)", "DisplayDocTitle true")
        lang = str(self.root.get("/Lang", ""))
        self.check(LANG.match(lang) is not None, "ISO 19005-2 §6.7.4 / ISO 14289-1 §7.2 (Matterhorn 11-006)",
                   f"catalog /Lang is a language tag ({lang!r})")
        tree = self.root.get("/StructTreeRoot")
        self.check(tree is not None, "ISO 19005-2 §6.7.3.3 / ISO 14289-1 §7.1 (Matterhorn 01-006)", "StructTreeRoot present")
        if tree is None:
            return
        self.check("/RoleMap" not in tree, "ISO 14289-1 §7.1 (Matterhorn 02-001)", "no role map: standard types only")

        elements, owners = [], {}  # owners: (page objgen, mcid) -> element objgen

        def walk(node, parent, depth=0):
            kids = node.get("/K")
            kids = kids if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == Name("/MCR"):
                    owners[(kid.Pg.objgen, int(kid.MCID))] = node.objgen
                elif isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
                    elements.append((kid, node))
                    walk(kid, node, depth + 1)
                elif isinstance(kid, int) or (hasattr(kid, "__int__") and not isinstance(kid, pikepdf.Dictionary)):
                    owners[(node.Pg.objgen, int(kid))] = node.objgen
        walk(tree, None)
        self.check(len(elements) > 0, "ISO 14289-1 §7.1", "the structure tree has elements")
        langs, headings = set(), []
        for element, parent in elements:
            kind = str(element.S)[1:]
            kids = [k for k in (element.get("/K") if isinstance(element.get("/K"), pikepdf.Array) else [element.get("/K")])
                    if isinstance(k, pikepdf.Dictionary) and "/S" in k]
            kid_types = [str(k.S)[1:] for k in kids]
            self.check(kind in STANDARD_TYPES, "ISO 19005-2 §6.7.3.4 / ISO 14289-1 §7.1 (Matterhorn 02-001)",
                       f"standard structure type ({kind})")
            self.check(element.get("/P") is not None and element.P.objgen == parent.objgen,
                       "ISO 14289-1 §7.1 (ISO 32000-1 §14.7.2 Table 323)", f"{kind} has its parent as /P")
            if "/Lang" in element:
                value = str(element.Lang)
                self.check(LANG.match(value) is not None, "ISO 14289-1 §7.2 (Matterhorn 11-006)", f"{kind} /Lang {value!r}")
                langs.add(value)
            if kind == "Figure":
                self.check(bool(str(element.get("/Alt", ""))), "ISO 14289-1 §7.3 (Matterhorn 13-004)", "Figure has /Alt")
            if kind == "TH":
                attributes = element.get("/A", {})
                self.check(attributes.get("/Scope") in (Name("/Row"), Name("/Column"), Name("/Both")),
                           "ISO 14289-1 §7.5 (Matterhorn 15-003)", "TH has a Scope attribute")
            if kind == "Table":
                self.check(all(t in ("TR", "THead", "TBody", "TFoot", "Caption") for t in kid_types),
                           "ISO 14289-1 §7.2 (Matterhorn 09-004)", f"Table holds rows only ({kid_types[:4]})")
                widths = {sum(1 for c in row.K if isinstance(c, pikepdf.Dictionary)) if isinstance(row.get("/K"), pikepdf.Array) else 1
                          for row in kids}
                self.check(len(widths) <= 1, "ISO 14289-1 §7.2 (Matterhorn 15-004)", f"every row has as many cells ({widths})")
            if kind == "TR":
                self.check(all(t in ("TH", "TD") for t in kid_types), "ISO 14289-1 §7.2 (Matterhorn 09-005)", "TR holds TH/TD")
                self.check(str(parent.get("/S")) in ("/Table", "/THead", "/TBody", "/TFoot"), "ISO 14289-1 §7.2", "TR in a Table")
            if kind == "L":
                self.check(all(t in ("LI", "L", "Caption") for t in kid_types), "ISO 14289-1 §7.2 (Matterhorn 09-007)", "L holds LI")
            if kind == "LI":
                self.check(all(t in ("Lbl", "LBody") for t in kid_types), "ISO 14289-1 §7.2 (Matterhorn 09-008)",
                           "LI holds Lbl/LBody")
            if re.fullmatch(r"H[1-6]", kind):
                headings.append(int(kind[1]))
        if headings:
            self.check(headings[0] == 1, "ISO 14289-1 §7.4.2 (Matterhorn 14-002)", "the first heading is H1")
            jumps = [(a, b) for a, b in zip(headings, headings[1:]) if b > a + 1]
            self.check(not jumps, "ISO 14289-1 §7.4.2 (Matterhorn 14-003)", f"no heading level skipped ({jumps[:3]})")
        for wanted in languages:
            self.check(wanted in langs or wanted == lang, "ISO 14289-1 §7.2 (Matterhorn 11-001)",
                       f"/Lang {wanted} on the elements in that language")

        # Content: every painting operator inside an MCID sequence or an Artifact, never both.
        pages = {p.obj.objgen: n for n, p in enumerate(self.pdf.pages, 1)}
        parent_tree = self.parent_tree(tree)
        latin_spans = 0
        for page in self.pdf.pages:
            number = pages[page.obj.objgen]
            stack, unmarked, mixed, mcids = [], 0, 0, []
            for operands, op in pikepdf.parse_content_stream(page):
                name = str(op)
                if name in ("BDC", "BMC"):
                    tag = str(operands[0])
                    props = operands[1] if name == "BDC" and len(operands) > 1 else None
                    mcid = int(props.MCID) if isinstance(props, pikepdf.Dictionary) and "/MCID" in props else None
                    kinds = [k for k, _ in stack]
                    if tag == "/Artifact" and "content" in kinds or mcid is not None and "artifact" in kinds:
                        mixed += 1
                    if isinstance(props, pikepdf.Dictionary) and "/Lang" in props:
                        latin_spans += 1
                    if mcid is not None:
                        mcids.append(mcid)
                    stack.append(("artifact" if tag == "/Artifact" else "content" if mcid is not None else "span", mcid))
                elif name == "EMC":
                    if stack:
                        stack.pop()
                elif name in PAINT:
                    if not any(k in ("artifact", "content") for k, _ in stack):
                        unmarked += 1
            self.check(unmarked == 0, "ISO 14289-1 §7.1 (Matterhorn 01-005)",
                       f"page {number}: all content is tagged or an artifact ({unmarked} unmarked)")
            self.check(mixed == 0, "ISO 14289-1 §7.1 (Matterhorn 01-003/01-004)", f"page {number}: no artifact inside content")
            self.check(len(mcids) == len(set(mcids)), "ISO 32000-1 §14.7.4.2", f"page {number}: MCIDs unique")
            key = page.obj.get("/StructParents")
            array = parent_tree.get(int(key)) if key is not None else None
            self.check(array is not None, "ISO 32000-1 §14.7.4.4", f"page {number}: /StructParents in the parent tree")
            if array is not None:
                for mcid in mcids:
                    owner = owners.get((page.obj.objgen, mcid))
                    ok = mcid < len(array) and owner is not None and array[mcid].objgen == owner
                    self.check(ok, "ISO 32000-1 §14.7.4.4 (Matterhorn 01-007)",
                               f"page {number}: MCID {mcid} belongs to the element the parent tree names")
        if latin_in_rtl:
            self.check(latin_spans > 0, "ISO 14289-1 §7.2 (Matterhorn 11-001)", "Latin names in right-to-left text carry /Lang")

    def parent_tree(self, tree):
        result = {}

        def collect(node):
            nums = node.get("/Nums")
            if nums is not None:
                for i in range(0, len(nums), 2):
                    result[int(nums[i])] = nums[i + 1]
            for kid in node.get("/Kids", []):
                collect(kid)
        collect(tree.ParentTree)
        return result


def main(argv):
    languages, latin, paths = [], False, []
    args = iter(argv)
    for arg in args:
        if arg == "--lang":
            languages.append(next(args))
        elif arg == "--latin-in-rtl":
            latin = True
        else:
            paths.append(arg)
    status = 0
    for path in paths:
        checker = Checker(path)
        checker.file_structure()
        checker.output_intent()
        checker.transparency()
        checker.fonts()
        checker.forbidden()
        checker.metadata()
        checker.tagging(languages, latin)
        if checker.failures:
            status = 1
            for failure in checker.failures:
                print(f"{path}: FAIL {failure}")
        print(f"{path}: {checker.passed} checks passed, {len(checker.failures)} failed")
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
