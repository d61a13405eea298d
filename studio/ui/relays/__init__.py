"""The Relays page: what each relay cost, delivered and hid, its honesty, charts and the
claim list with export (issue 13). Imported when the page first opens, never at start-up;
pyqtgraph (and numpy) load on a worker thread then."""
