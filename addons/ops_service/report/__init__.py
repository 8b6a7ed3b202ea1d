from . import ticket_xlsx
