# dataset.toml `attach` names only regular files inside the data folder, up to 1 MiB: no "..",
# no absolute path, no symlink out, no device. Each is refused with exit 3 naming it.
copy_mini
try() {  # try ATTACH-ENTRY EXPECTED-TEXT
  sed "s|^attach = .*|attach = [\"targets.toml\", $1]|" "$fixture/dataset.toml" > mini/dataset.toml
  run 3 build --data mini --store m.gpkg -q; stderr_has "$2"
  [ ! -e m.gpkg ] || fail "a store was written with attach $1"
}
try '"../../../etc/passwd"' "'..' is not allowed"
try '"/etc/passwd"' "by a relative name"
try '"/dev/zero"' "by a relative name"
ln -s /etc/passwd mini/passwd.toml
try '"passwd.toml"' "leads outside the data folder"
ln -s /dev/zero mini/zero.toml
try '"zero.toml"' "leads outside the data folder"
mkfifo mini/fifo.toml
try '"fifo.toml"' "not a regular file"
head -c 1048577 /dev/zero | tr '\0' '#' > mini/big.toml
try '"big.toml"' "larger than 1024 KiB"
