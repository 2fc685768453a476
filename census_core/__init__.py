"""Pantau Sensus core: regions, store, progress and trends of an online census campaign.

Pure Python; never imports streamlit.
"""

__version__ = "0.1.0"
