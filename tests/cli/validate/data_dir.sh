run 0 validate --data "$fixture"; stdout_has "Validating"; stdout_has "0 error(s)"
