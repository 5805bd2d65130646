#include "tests/testing_util/test_pki.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "tests/testing_util/scoped_temp_dir.h"

namespace parley::testing_util {

absl::StatusOr<TestPki> MakeTestPki(const std::string& dir) {
  WriteFile(dir + "/server.ext",
            "basicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
            "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
  for (const char* name : {"writer", "reader", "rogue"}) {
    WriteFile(absl::StrCat(dir, "/", name, ".ext"),
              absl::StrCat("basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\n"
                           "subjectAltName=DNS:parley-",
                           name, "\n"));
  }
  // One shell script: a CA, a leaf per name, each signed by its CA.
  const std::string script = absl::StrCat(
      "set -e; cd '", dir,
      "'\n"
      "key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out \"$1\"; }\n"
      "ca() { key $1.key; openssl req -x509 -new -key $1.key -out $1.pem -days 2 "
      "-subj \"/CN=$1\"; }\n"
      "leaf() { key $1.key; openssl req -new -key $1.key -out $1.csr -subj \"/CN=$3\"; "
      "openssl x509 -req -in $1.csr -CA $2.pem -CAkey $2.key -CAcreateserial -days 2 "
      "-extfile $1.ext -out $1.pem; }\n"
      "ca ca; ca rogue-ca\n"
      "leaf server ca localhost; leaf writer ca parley-writer; leaf reader ca parley-reader\n"
      "leaf rogue rogue-ca parley-rogue\n");
  WriteFile(dir + "/make-pki.sh", script);
  const std::string command =
      absl::StrCat("bash '", dir, "/make-pki.sh' > '", dir, "/make-pki.log' 2>&1");
  if (std::system(command.c_str()) != 0) {
    return absl::InternalError(absl::StrCat("openssl failed; see ", dir, "/make-pki.log"));
  }
  TestPki pki;
  pki.ca = dir + "/ca.pem";
  pki.server_cert = dir + "/server.pem";
  pki.server_key = dir + "/server.key";
  pki.writer_cert = dir + "/writer.pem";
  pki.writer_key = dir + "/writer.key";
  pki.reader_cert = dir + "/reader.pem";
  pki.reader_key = dir + "/reader.key";
  pki.rogue_cert = dir + "/rogue.pem";
  pki.rogue_key = dir + "/rogue.key";
  return pki;
}

}  // namespace parley::testing_util
