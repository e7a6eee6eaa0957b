import Mustache

/// Renders a `ReportDocument` through a Mustache template (HTML or Markdown).
public enum DocumentRenderer {
    public struct TemplateError: Error, Sendable, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    public static func html(_ doc: ReportDocument, template: String = Templates.html, generator: String) throws(TemplateError) -> String {
        try render(doc, template: template, generator: generator, escape: { $0 })
    }

    public static func markdown(_ doc: ReportDocument, template: String = Templates.markdown, generator: String) throws(TemplateError) -> String {
        try render(doc, template: template, generator: generator, escape: markdownEscape)
    }

    /// The before-and-after risk matrix, as its own SVG file.
    public static func riskMatrixSVG(_ input: ReportInput) -> String {
        RiskMatrix.svg(input.model.risks) + "\n"
    }

    static func render(
        _ doc: ReportDocument, template: String, generator: String, escape: (String) -> String
    ) throws(TemplateError) -> String {
        let compiled: MustacheTemplate
        do {
            compiled = try MustacheTemplate(string: template)
        } catch {
            throw TemplateError(message: "the template does not parse: \(error)")
        }
        return compiled.render(context(doc, generator: generator, escape: escape))
    }

    /// The template's context. Every user string goes through `escape` (HTML
    /// templates escape with `{{ }}`; Markdown's are escaped here and use `{{{ }}}`).
    static func context(_ doc: ReportDocument, generator: String, escape e: (String) -> String) -> [String: Any] {
        [
            "title": e(doc.title), "subtitle": e(doc.subtitle), "generator": generator,
            "marking": e(doc.marking), "runningHeader": e(doc.runningHeader),
            // For CSS `content:` strings in the print stylesheet: every character
            // but letters and digits as a CSS escape, so no user text can leave the string.
            "cssRunningHeader": cssString(doc.runningHeader), "cssMarking": cssString(doc.marking),
            "sections": doc.sections.map { section -> [String: Any] in
                [
                    "anchor": section.anchor, "title": e(section.title),
                    "blocks": section.blocks.map { block -> [String: Any] in
                        switch block {
                        case .paragraph(let t): return ["paragraph": e(t)]
                        case .subheading(let t): return ["subheading": e(t)]
                        case .gap(let t): return ["gap": e(t)]
                        case .fact(let label, let value): return ["fact": ["label": e(label), "value": e(value)]]
                        case .list(let items): return ["list": ["items": items.map(e)]]
                        case .figure(let caption, let svg, let file, _, _): return ["figure": ["caption": e(caption), "svg": svg, "file": file, "wide": file.hasPrefix("data-flows")] as [String: Any]]
                        case .table(let t):
                            return ["table": [
                                "caption": e(t.caption), "signOff": t.signOff,
                                "headers": t.headers.map(e),
                                "rows": t.rows.map { row in ["cells": row.enumerated().map { i, c in ["text": e(c), "signOff": t.signOff && i == 1 && c.isEmpty] }] },
                            ] as [String: Any]]
                        }
                    },
                ]
            },
        ]
    }

    /// A CSS string literal (with its quotes) that holds `s` and nothing else.
    static func cssString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            if (u >= "a" && u <= "z") || (u >= "A" && u <= "Z") || (u >= "0" && u <= "9") {
                out.unicodeScalars.append(u)
            } else if u.value < 0x20 || u.value == 0x7F {
                out += "\\20 "
            } else {
                out += "\\" + String(u.value, radix: 16) + " "
            }
        }
        return out + "\""
    }

    /// Escapes text for Markdown so that user strings cannot make headings,
    /// links, emphasis, HTML or table cells.
    static func markdownEscape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\", "`", "*", "_", "{", "}", "[", "]", "(", ")", "#", "+", "!", "|", "~", ">":
                out.append("\\")
                out.append(c)
            case "<": out += "&lt;"
            case "&": out += "&amp;"
            case "\n", "\r\n", "\r": out += " "
            default: out.append(c)
            }
        }
        if out.hasPrefix("-") { out = "\\" + out }
        return out
    }
}
