"""Boundaries: reading, checking, simplifying and matching GeoJSON to regions, and placing map
labels. May import regions, text, words, faults.
"""
