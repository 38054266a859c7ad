"""Resource limits of one run."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Limits:
    """Limits applied to every run of a program.

    ``time_s`` is the CPU-time limit; ``wall_s`` the wall-clock limit (defaults to
    ``2 * time_s + 1`` so a sleeping program is caught without punishing a busy machine).
    ``output_mb`` bounds standard output and every file the program writes;
    ``stderr_kb`` bounds how much standard error is kept.
    """

    time_s: float = 2.0
    memory_mb: int = 256
    output_mb: int = 64
    wall_s: float | None = None
    processes: int = 64
    open_files: int = 64
    stderr_kb: int = 64

    def __post_init__(self) -> None:
        for name in ("time_s", "memory_mb", "output_mb", "processes", "open_files", "stderr_kb"):
            value = getattr(self, name)
            if not value > 0:
                raise ValueError(f"Limits.{name} must be positive, got {value!r}")
        if self.wall_s is not None and not self.wall_s > 0:
            raise ValueError(f"Limits.wall_s must be positive, got {self.wall_s!r}")

    @property
    def wall_limit_s(self) -> float:
        return self.wall_s if self.wall_s is not None else 2 * self.time_s + 1

    def with_(self, **changes: object) -> "Limits":
        return replace(self, **changes)  # type: ignore[arg-type]


#: Limits of a compilation: generous, but a compile-time bomb still ends as CE.
COMPILE_LIMITS = Limits(time_s=30.0, wall_s=60.0, memory_mb=2048, output_mb=64, processes=32,
                        open_files=256, stderr_kb=64)
