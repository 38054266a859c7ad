# Wrong: checks the count after every single event instead of after all events at the same
# moment. With ends sorted before starts, a broadcast ending exactly when another begins makes
# the count dip for an instant, splitting one crowded range into two touching ones.
def crowded_airtime(broadcasts: list[list[int]], k: int) -> list[list[int]]:
    events = []
    for s, e in broadcasts:
        events.append((s, 1))
        events.append((e, -1))
    events.sort()
    result = []
    on_air = 0
    start = None
    for x, d in events:
        on_air += d
        if on_air >= k and start is None:
            start = x
        elif on_air < k and start is not None:
            if start < x:
                result.append([start, x])
            start = None
    return result
