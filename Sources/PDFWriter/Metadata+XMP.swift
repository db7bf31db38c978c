// Document metadata, ISO 32000-1 §14.3: the Info dictionary (§14.3.3) and the
// XMP metadata stream of the catalog (§14.3.2, XMP Specification Part 1).

extension ObjectWriter {
    /// The document information dictionary (§14.3.3, Table 317).
    mutating func writeInfo(_ number: Int, info: PDFDocumentInfo, creationDate: PDFDate?) {
        dictionary(number) { out in
            out.ascii(" /Title ")
            out.pdfTextString(info.title)
            if let author = info.author {
                out.ascii(" /Author ")
                out.pdfTextString(author)
            }
            if let subject = info.subject {
                out.ascii(" /Subject ")
                out.pdfTextString(subject)
            }
            if let creator = info.creator {
                out.ascii(" /Creator ")
                out.pdfTextString(creator)
            }
            out.ascii(" /Producer ")
            out.pdfTextString(info.producer)
            if let creationDate {
                out.ascii(" /CreationDate ")
                out.pdfTextString(creationDate.pdfString)
            }
        }
    }

    /// The metadata stream (§14.3.2): uncompressed so that tools that do not
    /// parse PDF can still find the packet.
    mutating func writeXMP(_ number: Int, info: PDFDocumentInfo, creationDate: PDFDate?) {
        stream(number, data: XMP.packet(info: info, creationDate: creationDate)) { out in
            out.ascii(" /Type /Metadata /Subtype /XML")
        }
    }
}

enum XMP {
    /// The XMP packet, mirroring the Info dictionary: dc:title, dc:language,
    /// dc:format, dc:creator, dc:description, pdf:Producer, xmp:CreatorTool and
    /// xmp:CreateDate (only when a date is given).
    static func packet(info: PDFDocumentInfo, creationDate: PDFDate?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1200)
        out.utf8("<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
        out.ascii("""
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about=""
             xmlns:dc="http://purl.org/dc/elements/1.1/"
             xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
             xmlns:xmp="http://ns.adobe.com/xap/1.0/"
             xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
             xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
            <dc:format>application/pdf</dc:format>
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">
            """)
        escape(info.title, into: &out)
        out.ascii("</rdf:li></rdf:Alt></dc:title>\n<dc:language><rdf:Bag>")
        for language in [info.language] + info.otherLanguages {
            out.ascii("<rdf:li>")
            escape(language, into: &out)
            out.ascii("</rdf:li>")
        }
        out.ascii("</rdf:Bag></dc:language>\n")
        if let author = info.author {
            out.ascii("<dc:creator><rdf:Seq><rdf:li>")
            escape(author, into: &out)
            out.ascii("</rdf:li></rdf:Seq></dc:creator>\n")
        }
        if let subject = info.subject {
            out.ascii("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">")
            escape(subject, into: &out)
            out.ascii("</rdf:li></rdf:Alt></dc:description>\n")
        }
        out.ascii("<pdf:Producer>")
        escape(info.producer, into: &out)
        out.ascii("</pdf:Producer>\n")
        if let creator = info.creator {
            out.ascii("<xmp:CreatorTool>")
            escape(creator, into: &out)
            out.ascii("</xmp:CreatorTool>\n")
        }
        if let creationDate {
            out.ascii("<xmp:CreateDate>")
            out.utf8(creationDate.xmpString)
            out.ascii("</xmp:CreateDate>\n")
        }
        if info.claimsArchivalConformance {
            // ISO 19005-2 §6.6.4 and ISO 14289-1 §5: the identification schemas.
            out.ascii("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n")
            out.ascii("<pdfuaid:part>1</pdfuaid:part>\n")
        }
        out.ascii("</rdf:Description>\n")
        if info.claimsArchivalConformance {
            // ISO 19005-2 §6.6.2.3: pdfuaid is not one of PDF/A's predefined schemas,
            // so it is declared in the PDF/A extension schema container.
            out.ascii("""
                <rdf:Description rdf:about=""
                 xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
                 xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
                 xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
                <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
                <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
                <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
                <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
                <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
                <pdfaProperty:name>part</pdfaProperty:name>
                <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
                <pdfaProperty:category>internal</pdfaProperty:category>
                <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
                </rdf:li></rdf:Seq></pdfaSchema:property>
                </rdf:li></rdf:Bag></pdfaExtension:schemas>
                </rdf:Description>

                """)
        }
        out.ascii("""
            </rdf:RDF>
            </x:xmpmeta>
            <?xpacket end="r"?>
            """)
        return out
    }

    /// XML character data: &, <, >, " escaped; characters XML 1.0 forbids
    /// (C0 controls other than tab, LF, CR) dropped.
    static func escape(_ text: String, into out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.ascii("&amp;")
            case 0x3C: out.ascii("&lt;")
            case 0x3E: out.ascii("&gt;")
            case 0x22: out.ascii("&quot;")
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case 0..<0x20: break
            default: out.append(byte)
            }
        }
    }
}
