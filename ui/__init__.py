"""Streamlit-only pieces the pages share: settings, the cached store snapshot, the sidebar."""
