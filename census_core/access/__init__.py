"""Who may change data: the operator password check and the sign-in throttle. May import text and
words.
"""
