"""Tools for script authors: walkthrough tests, coverage, recording and random exploration.

A *walkthrough* (parcours) is a call written step by step in YAML, with what must happen
after each step; ``repetition-3422 test`` plays walkthrough files
(:mod:`~repetition_3422.authoring.suite`) and measures what they reach of each script
(:mod:`~repetition_3422.authoring.coverage`); ``play --record`` writes one from a call
played by hand (:mod:`~repetition_3422.authoring.recorder`); ``repetition-3422 explore``
plays seeded random calls to find crashes, faults and traps
(:mod:`~repetition_3422.authoring.explore`). This package sits above the engine and
below the documents: it imports the engine, the language and the domain only.
"""
