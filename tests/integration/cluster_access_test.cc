// Who gets into a cluster made by ops/pgcluster (the one ops/run starts,
// ops/test's, every test's): only a client that knows a password; and the
// role depotd connects as can do no more than run depot's own database.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <pqxx/pqxx>
#include <sstream>

#include "storage/migrations.h"
#include "tests/support/postgres.h"
#include "tests/support/process.h"
#include "tests/support/sql.h"

namespace depot {
namespace {

// A password file that is not there: libpq finds no password anywhere.
constexpr char kNoPassword[] = " passfile=/nonexistent/pgpass";

std::string FirstLine(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// The rules of DIR/data/pg_hba.conf, each split into its fields.
std::vector<std::vector<std::string>> HbaRules(
    const std::filesystem::path& dir) {
  std::ifstream hba(dir / "data" / "pg_hba.conf");
  EXPECT_TRUE(hba) << "no pg_hba.conf in " << dir;
  std::vector<std::vector<std::string>> rules;
  for (std::string line; std::getline(hba, line);) {
    std::istringstream words(line.substr(0, line.find('#')));
    std::vector<std::string> fields;
    for (std::string word; words >> word;) fields.push_back(word);
    if (!fields.empty()) rules.push_back(fields);
  }
  return rules;
}

class ClusterAccessTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    unsetenv("PGPASSWORD");
    unsetenv("PGPASSFILE");
    cluster_ = new testing::PrivateCluster();
    secrets_ = new testing::TempDir();
    testing::RunOps({"pgcluster", "ensure-app-db", cluster_->dir().string(),
                     "depot", "depot", AppPasswordFile()});
  }
  static void TearDownTestSuite() {
    delete cluster_;
    delete secrets_;
  }

  static std::string AppPasswordFile() {
    return (secrets_->path() / "db-password").string();
  }
  static std::string Tcp(const std::string& user, const std::string& db) {
    return "host=127.0.0.1 port=" + std::to_string(cluster_->port()) +
           " user=" + user + " dbname=" + db;
  }
  static std::string Socket(const std::string& user, const std::string& db) {
    return "host=" + cluster_->dir().string() +
           " port=" + std::to_string(cluster_->port()) + " user=" + user +
           " dbname=" + db;
  }
  static std::string AppDsn() {
    return Tcp("depot", "depot") + " password=" + FirstLine(AppPasswordFile()) +
           kNoPassword;
  }
  // Why the server turned the connection away; empty when it let it in.
  static std::string Refusal(const std::string& dsn) {
    try {
      pqxx::connection connection(dsn);
      return "";
    } catch (const pqxx::broken_connection& error) {
      return error.what();
    }
  }
  static void ExpectPasswordDemanded(const std::string& dsn) {
    std::string refusal = Refusal(dsn + kNoPassword);
    EXPECT_NE(refusal, "") << dsn << ": let in without a password";
    // Refused for want of a password, not for some other reason that would
    // make this test pass by accident.
    EXPECT_NE(refusal.find("no password supplied"), std::string::npos)
        << dsn << ": " << refusal;
  }

  static testing::PrivateCluster* cluster_;
  static testing::TempDir* secrets_;
};

testing::PrivateCluster* ClusterAccessTest::cluster_ = nullptr;
testing::TempDir* ClusterAccessTest::secrets_ = nullptr;

TEST_F(ClusterAccessTest, SocketDirectoryIsTheClusterOwnersAlone) {
  struct stat info {};
  ASSERT_EQ(stat(cluster_->dir().c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0700u)
      << "socket directory mode " << std::oct << (info.st_mode & 07777);
  std::string socket =
      (cluster_->dir() / (".s.PGSQL." + std::to_string(cluster_->port())))
          .string();
  ASSERT_EQ(stat(socket.c_str(), &info), 0) << "no socket at " << socket;
  EXPECT_EQ(info.st_mode & 0077, 0u)
      << "socket mode " << std::oct << (info.st_mode & 07777);
}

TEST_F(ClusterAccessTest, PasswordFilesAreTheirOwnersAlone) {
  struct stat info {};
  for (const std::string& file :
       {AppPasswordFile(), (cluster_->dir() / "superuser.pgpass").string()}) {
    ASSERT_EQ(stat(file.c_str(), &info), 0) << "no " << file;
    EXPECT_EQ(info.st_mode & 07777, 0600u)
        << file << ": mode " << std::oct << (info.st_mode & 07777);
    std::string dir = std::filesystem::path(file).parent_path().string();
    ASSERT_EQ(stat(dir.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 07777, 0700u)
        << dir << ": mode " << std::oct << (info.st_mode & 07777);
  }
}

TEST_F(ClusterAccessTest, PgHbaAllowsOnlyScramOrPeer) {
  auto rules = HbaRules(cluster_->dir());
  EXPECT_FALSE(rules.empty());
  for (const std::vector<std::string>& fields : rules) {
    // local DATABASE USER METHOD; host DATABASE USER ADDRESS METHOD
    size_t method = fields[0] == "local" ? 3 : 4;
    ASSERT_GT(fields.size(), method) << fields[0];
    EXPECT_TRUE(fields[method] == "scram-sha-256" || fields[method] == "peer")
        << "pg_hba.conf: " << fields[0] << " ... " << fields[method];
    for (const std::string& field : fields) EXPECT_NE(field, "trust");
  }
}

TEST_F(ClusterAccessTest, NoConnectionWithoutThePasswordOverTcp) {
  ExpectPasswordDemanded(Tcp("postgres", "postgres"));
  ExpectPasswordDemanded(Tcp("depot", "depot"));
}

TEST_F(ClusterAccessTest, NoConnectionWithoutThePasswordOverTheSocket) {
  ExpectPasswordDemanded(Socket("postgres", "postgres"));
  ExpectPasswordDemanded(Socket("depot", "depot"));
}

TEST_F(ClusterAccessTest, ThePasswordsLetTheirOwnersIn) {
  EXPECT_EQ(Refusal(cluster_->AdminDsn()), "");
  EXPECT_EQ(Refusal(AppDsn()), "");
  // The same password over the socket, for those who may reach it.
  EXPECT_EQ(Refusal(Socket("depot", "depot") +
                    " password=" + FirstLine(AppPasswordFile()) + kNoPassword),
            "");
}

TEST_F(ClusterAccessTest, AppRoleRunsDepotsMigrationsAndNothingMore) {
  pqxx::connection admin(cluster_->AdminDsn());
  pqxx::nontransaction query(admin);
  auto role = query.exec1(testing::sql::kFindPowersOfDepotRole.text);
  for (const auto& power : role) {
    EXPECT_FALSE(power.as<bool>()) << "the depot role has " << power.name();
  }
  // depotd applies the migrations at start-up as this role.
  EXPECT_GT(storage::ApplyMigrations(
                AppDsn(), storage::ReadMigrations(testing::SourceDir() /
                                                  "storage" / "migrations")),
            0);
  // Another role of the cluster, even with a password, stays out of it.
  query.exec(testing::sql::kCreateRoleBystander.text);
  std::string refusal = Refusal(Tcp("bystander", "depot") +
                                " password=bystander-password" + kNoPassword);
  EXPECT_NE(refusal.find("permission denied for database"), std::string::npos)
      << "bystander: " << refusal;
}

TEST_F(ClusterAccessTest, EnsureAppDbTakesPowersAwayFromAnExistingRole) {
  {
    pqxx::connection admin(cluster_->AdminDsn());
    pqxx::nontransaction(admin).exec(testing::sql::kCreateRoleOverpowered.text);
  }
  testing::TempDir dir;
  testing::RunOps({"pgcluster", "ensure-app-db", cluster_->dir().string(),
                   "overpowered", "overpowered",
                   (dir.path() / "password").string()});
  pqxx::connection admin(cluster_->AdminDsn());
  auto role = pqxx::nontransaction(admin).exec1(
      testing::sql::kFindPowersOfOverpoweredRole.text);
  for (const auto& power : role) {
    EXPECT_FALSE(power.as<bool>()) << "still has " << power.name();
  }
}

// A cluster made before passwords were required (ops/run's var/pg of an
// older checkout) requires them from its next start on.
TEST(ClusterHardening, StartClosesAClusterThatTrustedLocalUsers) {
  unsetenv("PGPASSWORD");
  testing::PrivateCluster cluster;
  cluster.Stop();
  const std::filesystem::path& dir = cluster.dir();
  std::ofstream(dir / "data" / "pg_hba.conf")
      << "local all all trust\n"
         "host all postgres 127.0.0.1/32 trust\n"
         "host all all 127.0.0.1/32 scram-sha-256\n";
  std::filesystem::remove(dir / "superuser.pgpass");
  std::filesystem::permissions(
      dir,
      std::filesystem::perms::others_read | std::filesystem::perms::others_exec,
      std::filesystem::perm_options::add);
  cluster.Start();

  for (const std::vector<std::string>& fields : HbaRules(dir)) {
    for (const std::string& field : fields) EXPECT_NE(field, "trust");
  }
  struct stat info {};
  ASSERT_EQ(stat(dir.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 07777, 0700u);
  std::string tcp = "host=127.0.0.1 port=" + std::to_string(cluster.port()) +
                    " user=postgres dbname=postgres";
  try {
    pqxx::connection connection(tcp + kNoPassword);
    ADD_FAILURE() << "let in without a password";
  } catch (const pqxx::broken_connection& error) {
    EXPECT_NE(std::string(error.what()).find("no password supplied"),
              std::string::npos)
        << error.what();
  }
  pqxx::connection admin(cluster.AdminDsn());
  EXPECT_TRUE(admin.is_open());
}

}  // namespace
}  // namespace depot
