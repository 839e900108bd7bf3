# A bad 界址点坐标 file: the message names the file, the line and what is wrong; exit 3.
mini_store
head -n 14 "$ZONING_SRC/tests/fixtures/proposals/one_parcel.txt" > bad.txt
printf 'J3,1,3740200.000\r\n' >> bad.txt
run 3 check --store m.gpkg --proposal bad.txt
stderr_has "bad.txt: line 15: a point line is 点号,圈号,X,Y; this one has 3 fields"
sed 's/^坐标系=.*/坐标系=火星坐标系\r/' "$ZONING_SRC/tests/fixtures/proposals/one_parcel.txt" > mars.txt
run 3 check --store m.gpkg --proposal mars.txt
stderr_has "坐标系 '火星坐标系' is none of"
sed 's/^10,0.9600/11,0.9600/' "$ZONING_SRC/tests/fixtures/proposals/one_parcel.txt" > count.txt
run 3 check --store m.gpkg --proposal count.txt
stderr_has "line 13: the parcel line states 11 points (界址点数) but 10 point lines follow it"
