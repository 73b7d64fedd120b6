"""Payment codes drawn with ReportLab: QR codes and linear barcodes (Interleaved 2 of 5, Code 128).

The payloads themselves (EMV QR, signed links, payment references) are computed elsewhere; this package only
draws them so that a phone or a cash-network scanner can read them from paper.
"""

from printing.codes.barcode import Symbology, barcode_drawing, barcode_width_mm
from printing.codes.qr import qr_drawing, qr_matrix

__all__ = ["Symbology", "barcode_drawing", "barcode_width_mm", "qr_drawing", "qr_matrix"]
