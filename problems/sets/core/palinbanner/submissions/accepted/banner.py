def best_banner(tiles: str) -> str:
    counts = [0] * 26
    for ch in tiles:
        counts[ord(ch) - 97] += 1
    half = "".join(chr(97 + i) * (c // 2) for i, c in enumerate(counts))
    middle = ""
    for i, c in enumerate(counts):
        if c % 2 == 1:
            middle = chr(97 + i)
            break
    return half + middle + half[::-1]
