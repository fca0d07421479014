; function %id(i64) -> i64 {
; block0(v0: i64):
;     return v0
; }
%id:
   0: push rbp
   1: mov rbp,rsp
   4: mov rax,rdi
   7: mov rsp,rbp
   a: pop rbp
   b: ret

; function %pressure(i64) -> i64 {
; block0(v0: i64):
;     v1 = imul_imm v0, 1
;     v2 = imul_imm v0, 2
;     v3 = imul_imm v0, 3
;     v4 = imul_imm v0, 4
;     v5 = imul_imm v0, 5
;     v6 = imul_imm v0, 6
;     v7 = imul_imm v0, 7
;     v8 = imul_imm v0, 8
;     v9 = imul_imm v0, 9
;     v10 = imul_imm v0, 10
;     v11 = imul_imm v0, 11
;     v12 = imul_imm v0, 12
;     v13 = imul_imm v0, 13
;     v14 = imul_imm v0, 14
;     v15 = imul_imm v0, 15
;     v16 = imul_imm v0, 16
;     v17 = call %id(v1)
;     v18 = call %id(v2)
;     v19 = call %id(v3)
;     v20 = call %id(v4)
;     v21 = call %id(v5)
;     v22 = call %id(v6)
;     v23 = call %id(v7)
;     v24 = call %id(v8)
;     v25 = call %id(v9)
;     v26 = call %id(v10)
;     v27 = call %id(v11)
;     v28 = call %id(v12)
;     v29 = call %id(v13)
;     v30 = call %id(v14)
;     v31 = call %id(v15)
;     v32 = call %id(v16)
;     v33 = iadd v17, v18
;     v34 = iadd v33, v19
;     v35 = iadd v34, v20
;     v36 = iadd v35, v21
;     v37 = iadd v36, v22
;     v38 = iadd v37, v23
;     v39 = iadd v38, v24
;     v40 = iadd v39, v25
;     v41 = iadd v40, v26
;     v42 = iadd v41, v27
;     v43 = iadd v42, v28
;     v44 = iadd v43, v29
;     v45 = iadd v44, v30
;     v46 = iadd v45, v31
;     v47 = iadd v46, v32
;     return v47
; }
%pressure:
  10: push rbp
  11: mov rbp,rsp
  14: sub rsp,0x80
  1b: mov QWORD PTR [rbp-0x8],rbx
  1f: mov QWORD PTR [rbp-0x10],r12
  23: mov QWORD PTR [rbp-0x18],r13
  27: mov QWORD PTR [rbp-0x20],r14
  2b: mov QWORD PTR [rbp-0x28],r15
  2f: imul rax,rdi,0x1
  33: imul rbx,rdi,0x2
  37: imul r12,rdi,0x3
  3b: imul r13,rdi,0x4
  3f: imul r14,rdi,0x5
  43: imul r15,rdi,0x6
  47: imul rcx,rdi,0x7
  4b: imul rdx,rdi,0x8
  4f: imul rsi,rdi,0x9
  53: imul r8,rdi,0xa
  57: imul r9,rdi,0xb
  5b: imul r10,rdi,0xc
  5f: mov QWORD PTR [rbp-0x30],rbx
  63: imul rbx,rdi,0xd
  67: mov QWORD PTR [rbp-0x38],rbx
  6b: imul rbx,rdi,0xe
  6f: mov QWORD PTR [rbp-0x40],rbx
  73: imul rbx,rdi,0xf
  77: imul rdi,rdi,0x10
  7b: mov QWORD PTR [rbp-0x48],rbx
  7f: mov QWORD PTR [rbp-0x50],r10
  83: mov QWORD PTR [rbp-0x58],r9
  87: mov QWORD PTR [rbp-0x60],r8
  8b: mov QWORD PTR [rbp-0x68],rsi
  8f: mov QWORD PTR [rbp-0x70],rdx
  93: mov QWORD PTR [rbp-0x78],rcx
  97: mov rbx,rdi
  9a: mov rdi,rax
  9d: call 0x0
  a2: mov rdi,QWORD PTR [rbp-0x30]
  a6: mov QWORD PTR [rbp-0x30],rbx
  aa: mov rbx,rax
  ad: call 0x0
  b2: mov rdi,r12
  b5: mov r12,rax
  b8: call 0x0
  bd: mov rdi,r13
  c0: mov r13,rax
  c3: call 0x0
  c8: mov rdi,r14
  cb: mov r14,rax
  ce: call 0x0
  d3: mov rdi,r15
  d6: mov r15,rax
  d9: call 0x0
  de: mov rdi,QWORD PTR [rbp-0x78]
  e2: mov QWORD PTR [rbp-0x78],rax
  e6: call 0x0
  eb: mov rdi,QWORD PTR [rbp-0x70]
  ef: mov QWORD PTR [rbp-0x70],rax
  f3: call 0x0
  f8: mov rdi,QWORD PTR [rbp-0x68]
  fc: mov QWORD PTR [rbp-0x68],rax
 100: call 0x0
 105: mov rdi,QWORD PTR [rbp-0x60]
 109: mov QWORD PTR [rbp-0x60],rax
 10d: call 0x0
 112: mov rdi,QWORD PTR [rbp-0x58]
 116: mov QWORD PTR [rbp-0x58],rax
 11a: call 0x0
 11f: mov rdi,QWORD PTR [rbp-0x50]
 123: mov QWORD PTR [rbp-0x50],rax
 127: call 0x0
 12c: mov rdi,QWORD PTR [rbp-0x38]
 130: mov QWORD PTR [rbp-0x38],rax
 134: call 0x0
 139: mov rdi,QWORD PTR [rbp-0x40]
 13d: mov QWORD PTR [rbp-0x40],rax
 141: call 0x0
 146: mov rdi,QWORD PTR [rbp-0x48]
 14a: mov QWORD PTR [rbp-0x48],rax
 14e: call 0x0
 153: mov rdi,QWORD PTR [rbp-0x30]
 157: mov QWORD PTR [rbp-0x30],rax
 15b: call 0x0
 160: lea rcx,[rbx+r12*1]
 164: lea rcx,[rcx+r13*1]
 168: lea rcx,[rcx+r14*1]
 16c: lea rcx,[rcx+r15*1]
 170: mov rdx,QWORD PTR [rbp-0x78]
 174: lea rcx,[rcx+rdx*1]
 178: mov rdx,QWORD PTR [rbp-0x70]
 17c: lea rcx,[rcx+rdx*1]
 180: mov rdx,QWORD PTR [rbp-0x68]
 184: lea rcx,[rcx+rdx*1]
 188: mov rdx,QWORD PTR [rbp-0x60]
 18c: lea rcx,[rcx+rdx*1]
 190: mov rdx,QWORD PTR [rbp-0x58]
 194: lea rcx,[rcx+rdx*1]
 198: mov rdx,QWORD PTR [rbp-0x50]
 19c: lea rcx,[rcx+rdx*1]
 1a0: mov rdx,QWORD PTR [rbp-0x38]
 1a4: lea rcx,[rcx+rdx*1]
 1a8: mov rdx,QWORD PTR [rbp-0x40]
 1ac: lea rcx,[rcx+rdx*1]
 1b0: mov rdx,QWORD PTR [rbp-0x48]
 1b4: lea rcx,[rcx+rdx*1]
 1b8: mov rdx,QWORD PTR [rbp-0x30]
 1bc: lea rcx,[rcx+rdx*1]
 1c0: lea rax,[rcx+rax*1]
 1c4: mov rbx,QWORD PTR [rbp-0x8]
 1c8: mov r12,QWORD PTR [rbp-0x10]
 1cc: mov r13,QWORD PTR [rbp-0x18]
 1d0: mov r14,QWORD PTR [rbp-0x20]
 1d4: mov r15,QWORD PTR [rbp-0x28]
 1d8: mov rsp,rbp
 1db: pop rbp
 1dc: ret

; function %fmany(f64, f64, f64, f64, f64, f64, f64, f64, f64, f64) -> f64 {
; block0(v0: f64, v1: f64, v2: f64, v3: f64, v4: f64, v5: f64, v6: f64, v7: f64, v8: f64, v9: f64):
;     v10 = f64const 2.0
;     v11 = fmul v1, v10
;     v12 = fadd v0, v11
;     v13 = f64const 3.0
;     v14 = fmul v2, v13
;     v15 = fadd v12, v14
;     v16 = f64const 4.0
;     v17 = fmul v3, v16
;     v18 = fadd v15, v17
;     v19 = f64const 5.0
;     v20 = fmul v4, v19
;     v21 = fadd v18, v20
;     v22 = f64const 6.0
;     v23 = fmul v5, v22
;     v24 = fadd v21, v23
;     v25 = f64const 7.0
;     v26 = fmul v6, v25
;     v27 = fadd v24, v26
;     v28 = f64const 8.0
;     v29 = fmul v7, v28
;     v30 = fadd v27, v29
;     v31 = f64const 9.0
;     v32 = fmul v8, v31
;     v33 = fadd v30, v32
;     v34 = f64const 10.0
;     v35 = fmul v9, v34
;     v36 = fadd v33, v35
;     return v36
; }
%fmany:
 1e0: push rbp
 1e1: mov rbp,rsp
 1e4: movsd xmm9,QWORD PTR [rbp+0x10]
 1ea: movsd xmm8,QWORD PTR [rbp+0x18]
 1f0: movsd xmm10,QWORD PTR [rip+0x297] # 0x490
 1f9: mulsd xmm1,xmm10
 1fe: addsd xmm0,xmm1
 202: movsd xmm1,QWORD PTR [rip+0x28e] # 0x498
 20a: mulsd xmm2,xmm1
 20e: addsd xmm0,xmm2
 212: movsd xmm1,QWORD PTR [rip+0x286] # 0x4a0
 21a: mulsd xmm3,xmm1
 21e: addsd xmm0,xmm3
 222: movsd xmm1,QWORD PTR [rip+0x27e] # 0x4a8
 22a: mulsd xmm4,xmm1
 22e: addsd xmm0,xmm4
 232: movsd xmm1,QWORD PTR [rip+0x276] # 0x4b0
 23a: mulsd xmm5,xmm1
 23e: addsd xmm0,xmm5
 242: movsd xmm1,QWORD PTR [rip+0x26e] # 0x4b8
 24a: mulsd xmm6,xmm1
 24e: addsd xmm0,xmm6
 252: movsd xmm1,QWORD PTR [rip+0x266] # 0x4c0
 25a: mulsd xmm7,xmm1
 25e: addsd xmm0,xmm7
 262: movsd xmm1,QWORD PTR [rip+0x25e] # 0x4c8
 26a: mulsd xmm9,xmm1
 26f: addsd xmm0,xmm9
 274: movsd xmm1,QWORD PTR [rip+0x254] # 0x4d0
 27c: mulsd xmm8,xmm1
 281: addsd xmm0,xmm8
 286: mov rsp,rbp
 289: pop rbp
 28a: ret

; function %fcaller(f64) -> f64 {
; block0(v0: f64):
;     v1 = f64const 2.0
;     v2 = call %fmany(v0, v0, v0, v0, v0, v0, v0, v0, v1, v0)
;     v3 = fadd v2, v0
;     return v3
; }
%fcaller:
 290: push rbp
 291: mov rbp,rsp
 294: sub rsp,0x20
 298: movaps xmm8,xmm0
 29c: movsd xmm9,QWORD PTR [rip+0x1eb] # 0x490
 2a5: movaps xmm1,xmm8
 2a9: movaps xmm2,xmm8
 2ad: movaps xmm3,xmm8
 2b1: movaps xmm4,xmm8
 2b5: movaps xmm5,xmm8
 2b9: movaps xmm6,xmm8
 2bd: movaps xmm7,xmm8
 2c1: movaps xmm10,xmm8
 2c5: movaps xmm0,xmm8
 2c9: movsd QWORD PTR [rbp-0x8],xmm8
 2cf: movsd QWORD PTR [rsp],xmm9
 2d5: movsd QWORD PTR [rsp+0x8],xmm10
 2dc: call 0x1e0
 2e1: movsd xmm1,QWORD PTR [rbp-0x8]
 2e6: addsd xmm0,xmm1
 2ea: mov rsp,rbp
 2ed: pop rbp
 2ee: ret

