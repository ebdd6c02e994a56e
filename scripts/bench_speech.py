"""Speech latency and event-loop stalls: the service measured beside plain ``espeak-ng -w``."""

# Run: .venv/bin/python scripts/bench_speech.py [--lines N]. Needs espeak-ng; plays nothing
# (a timed player stands in for the sound card), so it runs the same on CI.

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from repetition_3422.speech.player import TimedPlayback, TimedPlayer
from repetition_3422.speech.service import SpeechService
from repetition_3422.speech.settings import EngineName, VoiceSettings
from repetition_3422.speech.speaker import SpeechEvent, SpeechFinished, Utterance
from repetition_3422.speech.spoken import split_sentences, spoken

LINES = [
    "Bonjour, vous êtes bien au service du 3422. Je vais vérifier votre identité.",
    "Pouvez-vous me donner votre numéro de sécurité sociale ? Prenez votre temps.",
    "Merci. Votre numéro est le 2 84 05 75 112 345 28, c'est bien cela ?",
    "Très bien. Quel est le code provisoire à douze caractères indiqué sur votre courrier ?",
    "Je note votre opposition. Vous recevrez une confirmation par courrier sous quinze jours.",
]


class StampingPlayer(TimedPlayer):
    """A timed player that notes when each sound is handed to it."""

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.started = threading.Event()

    def start(self, path: Path) -> TimedPlayback:
        self.starts.append(time.perf_counter())
        self.started.set()
        return super().start(path)


def first_audio(engine: EngineName, lines: list[str], folder: Path) -> tuple[list[float], float]:
    """Seconds from ``speak`` to the first sound of each line, and the engine's start-up time."""
    player = StampingPlayer()
    done = threading.Event()

    def listen(event: SpeechEvent) -> None:
        if isinstance(event, SpeechFinished):
            done.set()

    begin = time.perf_counter()
    service = SpeechService(
        listen, VoiceSettings(engine=engine), find_audio=lambda f: player, cache_dir=folder
    )
    service.speak(Utterance("Bonjour.", "warm-up"))
    done.wait(30)
    startup = player.starts[0] - begin
    delays = []
    for index, line in enumerate(lines):
        done.clear()
        player.started.clear()
        asked = time.perf_counter()
        service.speak(Utterance(line, f"l{index}"))
        player.started.wait(30)
        delays.append(player.starts[-1] - asked)
        service.cancel()  # barge-in: the next line need not wait for this one
        done.wait(30)
    service.close()
    service.join(10)
    return delays, startup


def plain_espeak(lines: list[str], folder: Path) -> list[float]:
    """Seconds for ``espeak-ng -v fr-fr -w`` to write the first sentence of each line."""
    program = shutil.which("espeak-ng")
    assert program is not None
    delays = []
    for line in lines:
        sentence = split_sentences(spoken(line))[0]
        begin = time.perf_counter()
        subprocess.run(
            [program, "-v", "fr-fr", "-w", str(folder / "plain.wav"), sentence],
            check=True,
            stderr=subprocess.DEVNULL,
        )
        delays.append(time.perf_counter() - begin)
    return delays


async def longest_stall(engine: EngineName, folder: Path, seconds: float) -> float:
    """The longest delay of a 5 ms ticker while the service speaks, cancels and replays."""
    service = SpeechService(
        None, VoiceSettings(engine=engine), find_audio=lambda f: TimedPlayer(), cache_dir=folder
    )
    worst = 0.0
    end = time.perf_counter() + seconds
    tick = 0
    while time.perf_counter() < end:
        before = time.perf_counter()
        await asyncio.sleep(0.005)
        worst = max(worst, time.perf_counter() - before - 0.005)
        tick += 1
        if tick % 40 == 1:
            service.speak(Utterance(LINES[tick % len(LINES)], f"t{tick}"))
        if tick % 97 == 0:
            service.cancel()
        if tick % 151 == 0:
            service.replay()
        if tick % 211 == 0:
            service.play_sound("music", 1.0)
    service.close()
    service.join(10)
    return worst


def main() -> int:
    """Print one row per engine; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lines", type=int, default=20, help="lines per engine")
    parser.add_argument("--stall-seconds", type=float, default=5.0)
    options = parser.parse_args()
    if shutil.which("espeak-ng") is None:
        print("espeak-ng is not installed: nothing to measure.")
        return 0
    lines = (LINES * (options.lines // len(LINES) + 1))[: options.lines]
    missed = False
    print(
        f"{'engine':<10} {'start-up':>9} {'first audio':>12} {'espeak-ng -w':>13} {'ratio':>6}"
        f" {'max stall':>10}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-speech-") as name:
        folder = Path(name)
        for engine in ("pyttsx3", "espeak-ng"):
            ours, startup = first_audio(engine, lines, folder)
            plain = plain_espeak(lines, folder)
            ratio = statistics.median(ours) / statistics.median(plain)
            stall = asyncio.run(longest_stall(engine, folder, options.stall_seconds))
            print(
                f"{engine:<10} {startup * 1000:>7.0f}ms {statistics.median(ours) * 1000:>10.1f}ms"
                f" {statistics.median(plain) * 1000:>11.1f}ms {ratio:>5.2f}x {stall * 1000:>8.1f}ms"
            )
            missed = missed or ratio > 1.5 or stall > 0.050
    print("targets: first audio <= 1.5x plain espeak-ng -w (medians); longest stall <= 50 ms")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
