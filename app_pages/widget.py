"""Widget (/widget?wilayah=CODE&theme=dark): one region's figure in a panel for an iframe."""

import streamlit as st

from census_core.display.widget import widget_region
from census_core.text import t
from ui import cached, live, present, widget
from ui.page import open_page

# Set here as well as in app.py, as /presentasi does: a first visit may run it without the router.
st.set_page_config(page_title="Pantau Sensus", page_icon="📊", layout="wide")
lang = present.lang()
live.watch(lang, show=False)
snap, settings, lang, day, measure = open_page(lang)
widget.style(widget.theme_name())
raw = st.query_params.get("wilayah")
code = widget_region(raw, snap.regions, settings.home)
if code is None:
    home = snap.regions.name(settings.home)
    st.html(widget.message(t("widget.unknown", lang, text=raw or "", home=home)))
elif day is None:
    st.html(widget.message(t("freshness.none", lang)))
else:
    st.html(widget.render(cached.widget(snap, settings, day, code, lang, measure)))
