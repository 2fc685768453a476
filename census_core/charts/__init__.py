"""Chart and map builders: they return Altair charts and pydeck decks, never draw. May import
standings, geo, display, text, words.
"""
