"""Sign-in throttling, on an injected clock."""

from census_core.access.throttle import FORGET, MAX_WAIT, Throttle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_five_wrong_passwords_are_free_then_the_wait_doubles():
    clock = Clock()
    throttle = Throttle(clock)
    waits = []
    for _ in range(8):
        assert throttle.wait("s1", "1.2.3.4") == 0
        waits.append(throttle.failed("s1", "1.2.3.4"))
        clock.now += throttle.wait("s1", "1.2.3.4")  # the guesser waits it out, no more
    assert waits == [0, 0, 0, 0, 10, 20, 40, 80]


def test_the_wait_counts_down_and_stops_at_its_ceiling():
    clock = Clock()
    throttle = Throttle(clock)
    for _ in range(40):
        throttle.failed("s1")
        clock.now += throttle.wait("s1")
    throttle.failed("s1")
    assert throttle.wait("s1") == MAX_WAIT
    clock.now += MAX_WAIT - 39.5
    assert throttle.wait("s1") == 40  # whole seconds, rounded up
    clock.now += 40
    assert throttle.wait("s1") == 0


def test_wrong_passwords_spread_over_more_than_a_minute_cost_nothing():
    clock = Clock()
    throttle = Throttle(clock)
    for _ in range(20):
        assert throttle.failed("s1") == 0
        clock.now += 15  # four a minute
    assert throttle.wait("s1") == 0


def test_a_new_session_from_the_same_address_still_waits():
    clock = Clock()
    throttle = Throttle(clock)
    for n in range(5):
        throttle.failed(f"session-{n}", "1.2.3.4")
    assert throttle.wait("session-new", "1.2.3.4") == 10
    assert throttle.wait("session-new", "5.6.7.8") == 0


def test_the_right_password_or_a_quiet_spell_forgets_the_wrong_ones():
    clock = Clock()
    throttle = Throttle(clock)
    for _ in range(6):
        throttle.failed("s1", "a")
    throttle.succeeded("s1", "a")
    assert throttle.wait("s1", "a") == 0 and len(throttle) == 0
    for _ in range(6):
        throttle.failed("s2")
    clock.now += FORGET + 1
    assert throttle.failed("s2") == 0  # starts afresh: the first wrong password again


def test_memory_is_bounded_and_the_address_being_guessed_from_is_kept():
    clock = Clock()
    throttle = Throttle(clock, max_keys=100)
    for n in range(1000):
        throttle.failed(f"session-{n}", "1.2.3.4")  # a new session for every guess
    assert len(throttle) <= 100
    assert throttle.wait("1.2.3.4") > 0
    clock.now += FORGET + MAX_WAIT + 1
    throttle.failed("late")
    assert len(throttle) == 1
