"""Allow ``python -m repetition_3422``."""

from repetition_3422.cli import main

if __name__ == "__main__":
    main()
