/// The default Mustache templates. A department can pass `--template DIR` with
/// its own `dpia.html.mustache` and `dpia.md.mustache` (same context).
///
/// Context: title, subtitle, generator, marking (the protective marking),
/// runningHeader, cssRunningHeader and cssMarking (the same as CSS string
/// literals, for `@page` margin boxes), sections[anchor, title, blocks[...]];
/// a block has one of: paragraph, fact{label, value}, gap, subheading,
/// list[items], table{caption, headers, rows[cells], signOff}, figure{caption, svg, file, wide}
/// (wide: the data-flow diagram, printed on its own landscape page).
public enum Templates {
    public static let html = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="{{generator}}">
        <title>{{title}}: data protection impact assessment</title>
        <style>
          :root { --ink: #0b0c0c; --muted: #505a5f; --line: #b1b4b6; --accent: #1d70b8; --gap: #fff4d6; }
          body { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; color: var(--ink); line-height: 1.45; margin: 0; }
          header, main, nav, .marking { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
          .marking { text-align: center; font-weight: bold; letter-spacing: 0.05em; padding-top: 8px; }
          header { border-bottom: 8px solid var(--accent); padding-top: 16px; padding-bottom: 12px; }
          h1 { font-size: 2.2rem; margin: 0 0 4px; }
          .subtitle { color: var(--muted); margin: 0; }
          nav ol { columns: 2; padding-left: 2em; }
          h2 { font-size: 1.5rem; border-top: 2px solid var(--line); padding-top: 18px; margin-top: 36px; }
          h3 { font-size: 1.15rem; margin-top: 24px; }
          table { border-collapse: collapse; width: 100%; margin: 8px 0 20px; font-size: 0.9rem; }
          caption { text-align: left; font-weight: bold; padding: 6px 0; }
          th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; hyphens: manual; white-space: pre-line; }
          th { background: #f3f2f1; }
          td.sign { height: 2.6em; min-width: 14em; }
          .fact { display: grid; grid-template-columns: 14em 1fr; column-gap: 1em; }
          #summary .fact { margin: 6px 0; }
          .gap { background: var(--gap); border-left: 6px solid #ffdd00; padding: 8px 12px; }
          figure { margin: 12px 0 24px; overflow-x: auto; }
          figure svg { max-width: 100%; height: auto; }
          figcaption { color: var(--muted); font-size: 0.9rem; }
          @page {
            size: A4;
            margin: 20mm 15mm 18mm 15mm;
            @top-center { content: {{{cssRunningHeader}}}; font: 8pt Helvetica, Arial, sans-serif; color: #505a5f; }
            @bottom-left { content: {{{cssMarking}}}; font: bold 8pt Helvetica, Arial, sans-serif; }
            @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt Helvetica, Arial, sans-serif; }
          }
          @page wide { size: A4 landscape; }
          @media print {
            body { font-size: 10pt; }
            header, main, nav, .marking { max-width: none; padding: 0; }
            nav { break-after: page; }
            nav ol { columns: 1; }
            h2 { border-top: none; margin-top: 0; padding-top: 0; }
            #appendix-a, #appendix-b, #step-2, #step-4 { break-before: page; }
            h2, h3, caption, .fact b { break-after: avoid; }
            h2, h3 { break-inside: avoid; }
            thead { display: table-header-group; }
            tr, td, th, .fact, .gap, figure, li { break-inside: avoid; }
            figure { overflow: visible; }
            figure.wide { page: wide; }
            figure svg { max-height: 150mm; width: auto; }
            p { orphans: 3; widows: 3; }
            table { font-size: 8.5pt; }
            header { border-bottom-width: 4px; }
            a { color: inherit; text-decoration: none; }
          }
        </style>
        </head>
        <body>
        <p class="marking">{{marking}}</p>
        <header>
        <h1>{{title}}</h1>
        <p class="subtitle">{{subtitle}}</p>
        </header>
        <nav aria-label="Contents">
        <h2>Contents</h2>
        <ol>
        {{#sections}}
        <li><a href="#{{anchor}}">{{title}}</a></li>
        {{/sections}}
        </ol>
        </nav>
        <main>
        {{#sections}}
        <section id="{{anchor}}">
        <h2>{{title}}</h2>
        {{#blocks}}
        {{#subheading}}<h3>{{.}}</h3>{{/subheading}}
        {{#paragraph}}<p>{{.}}</p>{{/paragraph}}
        {{#fact}}<p class="fact"><b>{{label}}</b> {{value}}</p>{{/fact}}
        {{#gap}}<p class="gap"><strong>Gap:</strong> {{.}}</p>{{/gap}}
        {{#list}}<ul>{{#items}}<li>{{.}}</li>{{/items}}</ul>{{/list}}
        {{#table}}
        <table>
        <caption>{{caption}}</caption>
        <thead><tr>{{#headers}}<th scope="col">{{.}}</th>{{/headers}}</tr></thead>
        <tbody>
        {{#rows}}<tr>{{#cells}}<td{{#signOff}} class="sign"{{/signOff}}>{{text}}</td>{{/cells}}</tr>
        {{/rows}}
        </tbody>
        </table>
        {{/table}}
        {{#figure}}<figure{{#wide}} class="wide"{{/wide}}>{{{svg}}}<figcaption>{{caption}}</figcaption></figure>{{/figure}}
        {{/blocks}}
        </section>
        {{/sections}}
        </main>
        </body>
        </html>

        """

    public static let markdown = """
        **{{{marking}}}**

        # {{{title}}}

        {{{subtitle}}}

        {{#sections}}
        ## {{{title}}}

        {{#blocks}}
        {{#subheading}}
        ### {{{.}}}

        {{/subheading}}
        {{#paragraph}}
        {{{.}}}

        {{/paragraph}}
        {{#fact}}
        **{{{label}}}:** {{{value}}}

        {{/fact}}
        {{#gap}}
        > **Gap:** {{{.}}}

        {{/gap}}
        {{#list}}
        {{#items}}
        - {{{.}}}
        {{/items}}

        {{/list}}
        {{#table}}
        **{{{caption}}}**

        |{{#headers}} {{{.}}} |{{/headers}}
        |{{#headers}} --- |{{/headers}}
        {{#rows}}
        |{{#cells}} {{{text}}} |{{/cells}}
        {{/rows}}

        {{/table}}
        {{#figure}}
        ![{{{caption}}}]({{{file}}})

        {{/figure}}
        {{/blocks}}
        {{/sections}}
        """
}
