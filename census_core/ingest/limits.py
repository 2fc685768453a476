"""What an upload may hold: each limit stops a careless or hostile file before it is loaded."""

MAX_FILE_MB = 100  # the page allows 20 MB (server.maxUploadSize); the command line this much
MAX_ROWS = 250_000  # a national desa file is ~84,000 rows; beyond this is a mistake or abuse
MAX_COLUMNS = 400
MAX_CELLS = 5_000_000  # rows x columns of a sheet's extent from A1: what the reader allocates
MAX_UNPACKED_MB = 300  # all parts of an .xlsx together, as its zip declares them
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell
MAX_TEXT_BYTES = 4 * MAX_CELL_CHARS  # that text as UTF-8 in the XML: four bytes a character
MAX_NAME_CHARS = 1_000  # a region's name or code; longer is refused by row
# The Excel reader runs in a child process with these limits, for what no scan foresees
# (an .ods of repeated rows, a broken .xls): past them the file is refused, the server lives.
READ_MEMORY_MB = 1_536
READ_SECONDS = 60
