"""The one way Zonewatch puts untrusted text (article titles, sources, sentences) into HTML.

Article text is written by strangers. In element content and attributes it is HTML-escaped
(:func:`escape`). Inside an inline ``<script>`` escaping entities does nothing: the HTML parser
ends the script at the first ``</script`` and treats ``<!--`` specially whatever the JavaScript
means, so data handed to a script is JSON with ``<``, ``>`` and ``&`` written as ``\\u003c`` etc.
(:func:`script_json`), which JavaScript reads back as the same characters.
"""

from __future__ import annotations

import html
import json
from typing import Any

#: Characters shown of a title in tables, popups and exports; the store keeps the full text.
TITLE_DISPLAY_CHARS = 300
_SCRIPT_SAFE = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}
#: Characters CommonMark lets a backslash escape (ASCII punctuation), plus Streamlit's $ for TeX.
_MARKDOWN_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
#: Where vl-convert's standalone page starts its chart: everything after it is replaced.
_VEGA_BODY = '<div id="vega-chart"></div>'


def escape(value: Any) -> str:
    """Text for HTML content or a quoted attribute; None and NaN become the empty string."""
    return html.escape("" if value is None or value != value else str(value), quote=True)


def script_json(value: Any) -> str:
    """JSON that can stand inside an inline ``<script>``: no ``</script``, no ``<!--``."""
    return json.dumps(value, ensure_ascii=False).translate(_SCRIPT_SAFE)


def markdown_text(value: Any) -> str:
    """Text that Streamlit's Markdown (``st.error``, ``st.markdown``...) shows as it is: every
    punctuation mark backslash-escaped, so a file named ``![t](http://x/t.png).txt`` is a name,
    not an image the browser loads."""
    text = "" if value is None else str(value)
    return "".join("\\" + c if c in _MARKDOWN_PUNCTUATION else c for c in text).replace("\n", " ")


def shorten(text: Any, limit: int = TITLE_DISPLAY_CHARS) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for display only."""
    text = "" if text is None or text != text else str(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def vega_page(spec: dict) -> str:
    """A standalone HTML page (Vega inlined, no CDN) drawing the Vega-Lite ``spec``.

    vl-convert writes the spec into its page's last script as raw JSON, so text in the chart's
    data could close that script; the page's tail is written here instead, with the spec as
    :func:`script_json`."""
    import vl_convert as vlc

    page = vlc.vegalite_to_html(spec, bundle=True)
    cut = page.find(_VEGA_BODY)
    if cut < 0:
        raise RuntimeError("vl-convert's page has no chart element; cannot embed the chart safely")
    return (
        page[: cut + len(_VEGA_BODY)]
        + '\n<script type="text/javascript">\n'
        + f'vegaEmbed(\'#vega-chart\', {script_json(spec)}, {{"renderer": "svg"}})'
        + ".catch(console.error);\n</script>\n</body>\n</html>\n"
    )
