"""`--format html` (and `audit scan --report`): one self-contained page for reviewing a scan.

A summary at the top (counts by severity and by rule), check boxes that filter the highlights by rule
and severity, then each article with findings in full, every finding highlighted: hover over it or
focus it (Tab) to see the rule, the message and the suggestion; a list of the article's findings
follows its text. Articles without findings are listed by name.

Everything from the copy is HTML-escaped (a ``<script>`` in an article shows as text), and a
Content-Security-Policy forbids loading anything: the page works offline and makes no requests.
The article text comes from ``RunResult.texts``; the engine keeps it when this format is asked for. For
files a reader turned into visible text (HTML, Markdown, exports), that is the visible text, and
``RunResult.views`` maps the findings' raw positions back into it.
"""
from __future__ import annotations

import base64
import hashlib
import heapq
from dataclasses import replace
from html import escape

from ..model import Finding, RunResult
from .common import by_path, fix_text, plural, summary_line

STYLE = """
:root { --error: #f8c4c4; --error-edge: #b3261e; --warning: #fde7a9; --warning-edge: #8a6100;
        --info: #cfe3fb; --info-edge: #1f5fa8; font-family: system-ui, sans-serif; color: #1d1d1f; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem 1.5rem 4rem; line-height: 1.5; }
header { border-bottom: 1px solid #ccc; margin-bottom: 1rem; }
table.counts { border-collapse: collapse; margin: 0.5rem 1.5rem 0.5rem 0; display: inline-table; vertical-align: top; }
table.counts th, table.counts td { border: 1px solid #ccc; padding: 0.15rem 0.6rem; text-align: left; }
table.counts td.n { text-align: right; }
fieldset.filters { display: inline-block; border: 1px solid #ccc; margin: 0.25rem 0.5rem 0.5rem 0; vertical-align: top; }
fieldset.filters label { display: block; }
section.article { margin: 1.5rem 0; }
section.article h2 { font-size: 1.05rem; font-family: ui-monospace, monospace; word-break: break-all; }
pre.copy { white-space: pre-wrap; word-wrap: break-word; font-family: Georgia, serif; font-size: 1rem;
           background: #fafafa; border: 1px solid #e3e3e3; padding: 0.75rem 1rem; }
mark.finding { position: relative; border-bottom: 2px solid; border-radius: 2px; cursor: help; color: inherit; }
mark.sev-error { background: var(--error); border-color: var(--error-edge); }
mark.sev-warning { background: var(--warning); border-color: var(--warning-edge); }
mark.sev-info { background: var(--info); border-color: var(--info-edge); }
mark.finding.off { background: none; border-color: transparent; cursor: auto; }
mark.finding .tip { display: none; position: absolute; left: 0; top: 1.6em; z-index: 10; width: max-content;
                    max-width: 28rem; white-space: normal; font: 0.85rem/1.35 system-ui, sans-serif;
                    background: #222; color: #fff; padding: 0.4rem 0.6rem; border-radius: 4px; }
mark.finding:not(.off):hover:not(:has(mark.finding:hover)) > .tip,
mark.finding:not(.off):focus > .tip { display: block; }
mark.finding:focus { outline: 2px solid #000; }
.tip b { font-weight: 600; }
ol.findings li[hidden] { display: none; }
.muted { color: #666; }
"""

SCRIPT = """
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-filter]'));
  function wanted(kind) {
    var on = {};
    boxes.forEach(function (box) { if (box.dataset.filter === kind && box.checked) { on[box.value] = true; } });
    return on;
  }
  function apply() {
    var rules = wanted('rule'), severities = wanted('severity'), shown = 0, all = 0;
    document.querySelectorAll('[data-finding]').forEach(function (node) {
      var visible = rules[node.dataset.rule] === true && severities[node.dataset.severity] === true;
      if (node.tagName === 'MARK') {
        node.classList.toggle('off', !visible);
        node.tabIndex = visible ? 0 : -1;
        all += 1;
        if (visible) { shown += 1; }
      } else {
        node.hidden = !visible;
      }
    });
    document.getElementById('showing').textContent = 'Showing ' + shown + ' of ' + all + ' highlights';
  }
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  apply();
})();
"""


# Only the report's own script may run (by its hash): even a markup slip could not run an article's script.
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    f"script-src 'sha256-{base64.b64encode(hashlib.sha256(SCRIPT.encode('utf-8')).digest()).decode('ascii')}'"
)


def _laminar(findings: list[Finding], length: int) -> list[tuple[int, int, int]]:
    """(start, end, index) spans that nest but never cross, in document order.

    A finding that crosses another is highlighted from where the other ends (or up to where it starts),
    so every finding keeps exactly one highlight. Findings are placed in order of start; a placed span
    that ends at or before a finding's start can touch none of the later ones, so it is dropped from the
    spans compared (a heap by end): the work is linear in the findings, not quadratic, for the usual
    report of many findings that overlap a few others at most.
    """
    order = sorted(range(len(findings)), key=lambda i: (findings[i].start, -findings[i].end, i))
    placed: list[tuple[int, int, int]] = []
    live: dict[int, tuple[int, int]] = {}  # placed spans that may still overlap, in the order placed
    ends: list[tuple[int, int]] = []  # (end, index) of the live spans
    for index in order:
        start, end = max(0, min(findings[index].start, length)), max(0, min(findings[index].end, length))
        while ends and ends[0][0] <= start:
            live.pop(heapq.heappop(ends)[1], None)
        crossing = True
        while crossing:
            crossing = False
            for other_start, other_end in live.values():
                overlap = other_start < end and start < other_end
                nested = (other_start <= start and end <= other_end) or (start <= other_start and other_end <= end)
                if overlap and not nested:
                    start, end = (other_end, end) if other_start <= start else (start, other_start)
                    crossing = True
                    break
        placed.append((start, end, index))
        live[index] = (start, end)
        heapq.heappush(ends, (end, index))
    return sorted(placed, key=lambda span: (span[0], -span[1], span[2]))


def _tip(finding: Finding, number: int) -> str:
    suggestion = f"<br>Suggestion: <b>{escape(finding.suggestion)}</b>" if finding.suggestion else ""
    return (
        f'<span class="tip" role="tooltip" id="tip-{number}"><b>{escape(finding.rule)} {escape(finding.name)}</b> '
        f"({finding.severity.label}, confidence {finding.confidence:.2f})<br>{escape(finding.message)}{suggestion}</span>"
    )


def _data(finding: Finding) -> str:
    return f'data-finding data-rule="{escape(finding.rule)}" data-severity="{finding.severity.label}"'


def _highlighted(text: str, findings: list[Finding], ids: list[int]) -> str:
    out: list[str] = []
    position = 0
    open_spans: list[tuple[int, int]] = []  # (end, index)

    def close() -> None:
        nonlocal position
        end, index = open_spans.pop()
        out.append(escape(text[position:end]))
        out.append(_tip(findings[index], ids[index]) + "</mark>")
        position = end

    for start, end, index in _laminar(findings, len(text)):
        while open_spans and open_spans[-1][0] <= start:
            close()
        out.append(escape(text[position:start]))
        position = start
        finding = findings[index]
        out.append(
            f'<mark class="finding sev-{finding.severity.label}" id="finding-{ids[index]}" tabindex="0" '
            f'aria-describedby="tip-{ids[index]}" {_data(finding)}>'
        )
        open_spans.append((end, index))
    while open_spans:
        close()
    out.append(escape(text[position:]))
    return "".join(out)


def _finding_item(finding: Finding, number: int) -> str:
    suggestion = f" → <b>{escape(finding.suggestion)}</b>" if finding.suggestion else ""
    return (
        f'<li {_data(finding)}><a href="#finding-{number}">{finding.line}:{finding.column}</a> '
        f"<span class=\"sev\">{finding.severity.label}</span> {escape(finding.rule)} {escape(finding.name)}: "
        f"“{escape(finding.text)}”{suggestion} <span class=\"muted\">{escape(fix_text(finding))}</span></li>"
    )


def _counts(result: RunResult) -> str:
    rows = "".join(f'<tr><td>{label}</td><td class="n">{n}</td></tr>' for label, n in result.counts().items())
    by_rule = result.by_rule()
    rule_rows = "".join(
        f'<tr><td>{escape(rule.id)} {escape(rule.name)}</td><td class="n">{by_rule.get(rule.id, 0)}</td></tr>'
        for rule in result.rules
    )
    return (
        f'<table class="counts"><tr><th>Severity</th><th>Findings</th></tr>{rows}</table>'
        f'<table class="counts"><tr><th>Rule</th><th>Findings</th></tr>{rule_rows}</table>'
    )


def _filters(result: RunResult) -> str:
    counts = result.counts()
    severities = "".join(
        f'<label><input type="checkbox" data-filter="severity" value="{label}" checked> {label} ({n})</label>'
        for label, n in counts.items()
    )
    by_rule = result.by_rule()
    rules = "".join(
        f'<label title="{escape(rule.summary)}"><input type="checkbox" data-filter="rule" value="{escape(rule.id)}" checked> '
        f"{escape(rule.id)} {escape(rule.name)} ({by_rule.get(rule.id, 0)})</label>"
        for rule in result.rules
    )
    return (
        f'<fieldset class="filters"><legend>Severity</legend>{severities}</fieldset>'
        f'<fieldset class="filters"><legend>Rule</legend>{rules}</fieldset>'
    )


def _shown(findings: list[Finding], view) -> list[Finding]:  # noqa: ANN001 - audit.readers.base.OffsetMap
    """Findings placed in the text a reader sees: their raw positions mapped back through the reader's map."""
    if view is None:
        return findings
    return [replace(f, start=view.view_start(f.start), end=view.view_end(f.end)) for f in findings]


def _article(path: str, findings: list[Finding], text: str | None, number: int, first_id: int, view=None) -> str:  # noqa: ANN001
    ids = list(range(first_id, first_id + len(findings)))
    shown = _shown(findings, view)
    # Highlight what stands in the text; a suppression marker in an HTML comment is listed, not shown.
    placed = [i for i, f in enumerate(shown) if text is not None and text[f.start:f.end] == f.text]
    if text is not None and (placed or not findings):
        highlighted = _highlighted(text, [shown[i] for i in placed], [ids[i] for i in placed])
        body = f'<pre class="copy">{highlighted}</pre>'
    else:
        body = '<p class="muted">The article text was not kept for this report.</p>'
    items = "".join(_finding_item(finding, ids[i]) for i, finding in enumerate(findings))
    return (
        f'<section class="article" id="article-{number}"><h2>{escape(path)} '
        f'<span class="muted">({plural(len(findings), "finding")})</span></h2>{body}'
        f'<ol class="findings">{items}</ol></section>'
    )


def render(result: RunResult, *, color: bool = False) -> str:
    grouped = by_path(result)
    articles = []
    next_id = 1
    for number, (path, findings) in enumerate(((p, f) for p, f in grouped.items() if f), 1):
        articles.append(_article(path, findings, result.texts.get(path), number, next_id, result.views.get(path)))
        next_id += len(findings)
    clean = [path for path, findings in grouped.items() if not findings]
    clean_html = (
        f'<section class="clean"><h2>{plural(len(clean), "file")} without findings</h2><ul>'
        + "".join(f"<li>{escape(path)}</li>" for path in clean) + "</ul></section>"
    ) if clean else ""
    problems_html = (
        '<section class="problems"><h2>Could not be read</h2><ul>'
        + "".join(f"<li>{escape(str(problem))}</li>" for problem in result.problems) + "</ul></section>"
    ) if result.problems else ""
    notes = []
    if result.baselined:
        notes.append(f"{result.baselined} findings known to the baseline are not shown.")
    if result.suppressed:
        notes.append(f"{result.suppressed} findings suppressed by inline markers are not shown.")
    notes_html = "".join(f'<p class="muted">{escape(note)}</p>' for note in notes)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>wire-audit report</title>
<style>{STYLE}</style>
</head>
<body>
<header>
<h1>wire-audit report</h1>
<p id="summary"><strong>{escape(summary_line(result))}</strong></p>
{notes_html}
{_counts(result)}
<div>{_filters(result)}</div>
<p id="showing" aria-live="polite">Showing {len(result.findings)} of {len(result.findings)} highlights</p>
</header>
<main>
{"".join(article + chr(10) for article in articles)}{clean_html}{problems_html}
</main>
<script>{SCRIPT}</script>
</body>
</html>
"""
