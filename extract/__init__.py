"""Text in, structured findings out: zones, agreements, coverage links and dates of one article.

Pure functions; the only I/O is reading the lexicons, gazetteer and registry in ``assets/``.
"""

from extract.article import extract_article
from extract.model import DateFound, Extraction, Link, Mention

__all__ = ["extract_article", "Extraction", "Link", "Mention", "DateFound"]
