"""The offline HTML explorer: the page, its precomputed layout and its static
assets (vis-network inlined, no CDN)."""
