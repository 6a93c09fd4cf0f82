"""What people take to a meeting: the alliance's one-page diagnosis (PDF) and the maps as PNG and SVG.

Pure drawing: data in, bytes out. `report.report_pdf` lays out a diagnosis the analysis already
wrote (nothing is re-worded here), `network.network_svg/png` draws a network map's model and
`geo.geo_svg/png` draws the shapes of territories coloured by a measure. The only inputs that touch
the store are gathered in `gather.py`; matplotlib and fpdf2 are imported by the modules that draw, so
importing this package is free (the CLI's `--help` stays light).
"""
