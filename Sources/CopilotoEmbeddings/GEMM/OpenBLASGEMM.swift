#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `cblas_sgemm` from OpenBLAS (or any CBLAS), found at run time with `dlopen` so the program has no link-time
/// dependency on BLAS and still runs where none is installed. It runs on the calling thread only.
public struct OpenBLASGEMM: GEMMBackend {
    typealias SGEMM = @convention(c) (
        Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>?, Int32,
        UnsafePointer<Float>?, Int32, Float, UnsafeMutablePointer<Float>?, Int32) -> Void
    typealias SetThreads = @convention(c) (Int32) -> Void

    /// The shared libraries tried, in order.
    public static let libraryNames = ["libopenblas.so.0", "libopenblas.so", "libblas.so.3", "libopenblas.dylib"]

    public let name: String
    private let sgemm: SGEMM

    /// Loads the first CBLAS library found and limits OpenBLAS to one thread; nil when none can be loaded.
    public static func load(libraryNames: [String] = libraryNames) -> OpenBLASGEMM? {
        // Read when OpenBLAS initialises: one thread means no idle pool of spinning threads.
        setenv("OPENBLAS_NUM_THREADS", "1", 0)
        for library in libraryNames {
            guard let handle = dlopen(library, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let symbol = dlsym(handle, "cblas_sgemm") else { dlclose(handle); continue }
            if let setThreads = dlsym(handle, "openblas_set_num_threads") {
                unsafeBitCast(setThreads, to: SetThreads.self)(1)
            }
            // The handle stays open for the life of the process: the function pointer lives in it.
            return OpenBLASGEMM(name: "blas (\(library))", sgemm: unsafeBitCast(symbol, to: SGEMM.self))
        }
        return nil
    }

    public func pack(_ weight: [Float], outputs: Int, inputs: Int) -> [Float] { weight }

    public func linear(
        _ x: UnsafePointer<Float>, rows: Int, packed weight: UnsafePointer<Float>, bias: UnsafePointer<Float>,
        outputs: Int, inputs: Int, into y: UnsafeMutablePointer<Float>
    ) {
        for row in 0..<rows { (y + row * outputs).update(from: bias, count: outputs) }
        let rowMajor: Int32 = 101, noTrans: Int32 = 111, trans: Int32 = 112
        sgemm(rowMajor, noTrans, trans, Int32(rows), Int32(outputs), Int32(inputs), 1, x, Int32(inputs),
              weight, Int32(inputs), 1, y, Int32(outputs))
    }
}
