"""The terms of the data, said once: every export that carries records carries these."""

DATA_LICENSE = "CC-BY-4.0"
DATA_LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "Data: sovcloud, a sourced knowledge base of the sovereign cloud market, CC BY 4.0."
CODE_LICENSE = "Apache-2.0"
