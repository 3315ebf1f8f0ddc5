"""The one place that touches Streamlit's private multipage switch.

Streamlit keeps an older multipage mode for apps with a ``pages/`` folder: until the first
``st.navigation`` call of a server process, a link such as ``/timeline`` runs ``pages/timeline.py``
alone, without app.py. The dashboard leaves that mode (as ``st.navigation`` would), and the tests
and benchmarks start every AppTest run in the mode a running server is in. Keeping the private
``PagesManager`` attribute here means a Streamlit upgrade that moves it breaks one module.
"""

from __future__ import annotations

from collections.abc import Callable


def _pages_manager():
    from streamlit.runtime.pages_manager import PagesManager

    return PagesManager


def in_pages_directory_mode() -> bool:
    """Whether this server process still runs a page file alone (the old multipage mode)."""
    return bool(_pages_manager().uses_pages_directory)


def leave_pages_directory_mode() -> None:
    """Switch the server to st.navigation mode for good, as its first navigation call does."""
    _pages_manager().uses_pages_directory = False


def keep_navigation_mode(set_attr: Callable[[object, str, object], None] = setattr) -> None:
    """Make every new page manager start in st.navigation mode, as on a server after its first
    run. AppTest resets the mode before every run; pass ``monkeypatch.setattr`` to undo the patch
    after a test."""
    manager = _pages_manager()
    original = manager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        manager.uses_pages_directory = False

    set_attr(manager, "__init__", init)
