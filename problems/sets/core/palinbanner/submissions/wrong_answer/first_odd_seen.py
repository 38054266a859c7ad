# Wrong: the middle tile is the first letter with an odd count in order of
# first appearance in the box, not the alphabetically smallest one.
from collections import Counter


def best_banner(tiles: str) -> str:
    counts = Counter(tiles)
    half = "".join(ch * (counts[ch] // 2) for ch in sorted(counts))
    middle = ""
    for ch, c in counts.items():
        if c % 2 == 1:
            middle = ch
            break
    return half + middle + half[::-1]
