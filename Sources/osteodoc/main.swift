print("osteodoc")
