"""What a page shows, written: boards as rows, headlines and their sentences, views, exports,
freshness lines. May import standings, store (snapshots), text, words.
"""
