run 3 validate --no-such-option; stderr_has "zoning:"
