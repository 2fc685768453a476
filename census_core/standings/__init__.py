"""Standings: snapshots of the store, the figure rule, boards, trends, changes between versions and
provenance; pure functions over DataFrames. May import regions, text, words, settings, and the
store (snapshots only).
"""
