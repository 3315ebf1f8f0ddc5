"""Text in, structured findings out: zones, agreements, coverage links and dates of one article.

Pure functions; the only I/O is reading the lexicons, gazetteer and registry in ``assets/``.
"""

# First: it decides whether the modules below are the compiled ones or their sources.
from extract.compiled import COMPILED

# isort: split
from extract.article import extract_article
from extract.model import DateFound, Extraction, Link, Mention

__all__ = ["COMPILED", "extract_article", "Extraction", "Link", "Mention", "DateFound"]
