"""Exit codes of the kznews commands, documented for cron (see README)."""

OK = 0  # success
ERROR = 1  # a clear one-line error: bad input, unusable archive
USAGE = 2  # wrong command line (click's own code)
PARTIAL = 3  # the crawl finished, but too many pages could not be fetched or extracted
FAILED = 4  # the crawl failed: nothing fetched, or stopped by an error
LIMIT = 5  # stopped by a limit (time, memory) before it was done: the next run resumes
BUSY = 6  # another kznews run is writing to this archive: nothing was done
