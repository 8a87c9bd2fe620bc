"""expe-ct: the document pipeline behind the EXPE-CT label."""
__version__ = "0.1.0"
CONTRACT_VERSION = 1
