check_wkt 3 "POLYGON((440000 3750000,440100 3750000,440100 3750100,440000 3750000))"
stderr_has "the proposal lies entirely outside the district"
